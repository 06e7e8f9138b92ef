package org.mineralsupplygraph.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write, and whether reading needs a key too.
 *
 * @param apiKeys the keys accepted in the {@code X-API-Key} header (API_KEYS, comma-separated); none: writes refused
 * @param openReads whether reads need no key (OPEN_READS, default true)
 */
@ConfigurationProperties("supplygraph.security")
public record ApiSecurityProperties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue("true") boolean openReads) {

    /** The shortest key accepted: shorter ones are guessable, and the application refuses to start with one. */
    public static final int MIN_KEY_LENGTH = 16;
}
