package io.netdock.image;

import io.netdock.error.DockerError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference normalised as Docker's {@code distribution/reference} does: {@code busybox} is
 * {@code docker.io/library/busybox}, shown to users as {@code busybox:latest} (familiar form).
 *
 * @param domain registry host ({@code docker.io} by default)
 * @param path   repository path ({@code library/busybox})
 * @param tag    tag or {@code null}
 * @param digest digest ({@code sha256:...}) or {@code null}
 */
public record ImageReference(String domain, String path, String tag, String digest) {

    static final String DEFAULT_DOMAIN = "docker.io";
    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[(?:[a-fA-F0-9:]+)\\])";
    private static final String NAME = "(?:" + HOST + "(?::[0-9]+)?/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    private static final Pattern TAG_ONLY = Pattern.compile("^" + TAG + "$");
    private static final Pattern HEX_ID = Pattern.compile("^[a-f0-9]{64}$");
    private static final int NAME_MAX = 255;

    /** Parses and normalises like {@code reference.ParseNormalizedNamed}; errors carry Docker's wording. */
    public static ImageReference parse(String text) {
        if (HEX_ID.matcher(text).matches()) {
            throw invalid("invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
        }
        int slash = text.indexOf('/');
        String domain;
        String remainder;
        if (slash < 0 || (!containsAny(text.substring(0, slash), ".:") && !text.substring(0, slash).equals("localhost")
                && text.substring(0, slash).toLowerCase().equals(text.substring(0, slash)))) {
            domain = DEFAULT_DOMAIN;
            remainder = text;
        } else {
            domain = text.substring(0, slash);
            remainder = text.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = DEFAULT_DOMAIN;
        }
        if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
            remainder = "library/" + remainder;
        }
        int colon = remainder.indexOf(':');
        String remote = colon < 0 ? remainder : remainder.substring(0, colon);
        if (!remote.toLowerCase().equals(remote)) {
            throw invalid("invalid reference format: repository name (" + remote + ") must be lowercase");
        }
        String full = domain + "/" + remainder;
        Matcher match = REFERENCE.matcher(full);
        if (!match.matches()) {
            throw invalid("invalid reference format");
        }
        if (match.group(1).length() > NAME_MAX) {
            throw invalid("repository name must not be more than 255 characters");
        }
        String digest = match.group(3);
        if (digest != null) {
            checkDigest(digest);
        }
        String name = match.group(1);
        return new ImageReference(name.substring(0, name.indexOf('/')), name.substring(name.indexOf('/') + 1),
                match.group(2), digest);
    }

    /** A 64-hex string or {@code sha256:<64 hex>}: an image ID rather than a name. */
    public static Optional<String> asImageId(String text) {
        if (HEX_ID.matcher(text).matches()) {
            return Optional.of("sha256:" + text);
        }
        if (text.startsWith("sha256:") && HEX_ID.matcher(text.substring(7)).matches()) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    /** {@code tag} applied as the pull API does: a digest when it parses as one, else a tag. */
    public ImageReference withTagOrDigest(String tagOrDigest) {
        if (tagOrDigest == null || tagOrDigest.isEmpty()) {
            return this;
        }
        if (tagOrDigest.contains(":") && tagOrDigest.matches(DIGEST)) {
            checkDigest(tagOrDigest);
            return new ImageReference(domain, path, null, tagOrDigest);
        }
        if (!TAG_ONLY.matcher(tagOrDigest).matches()) {
            throw invalid("invalid tag format");
        }
        return new ImageReference(domain, path, tagOrDigest, digest);
    }

    /** {@code latest} when neither tag nor digest is given ({@code reference.TagNameOnly}). */
    public ImageReference withDefaultTag() {
        return tag == null && digest == null ? new ImageReference(domain, path, "latest", null) : this;
    }

    /** {@code docker.io/library/busybox:latest}. */
    public String normalized() {
        return domain + "/" + path + suffix();
    }

    /** {@code busybox:latest}, {@code localhost:5000/app:1}. */
    public String familiar() {
        return familiarName() + suffix();
    }

    /** {@code busybox}, {@code someone/app}, {@code localhost:5000/app}. */
    public String familiarName() {
        if (!domain.equals(DEFAULT_DOMAIN)) {
            return domain + "/" + path;
        }
        if (path.startsWith("library/") && path.indexOf('/', "library/".length()) < 0) {
            return path.substring("library/".length());
        }
        return path;
    }

    /** The emulated image's ID: {@code sha256:} + the SHA-256 of the normalised reference. */
    public String imageId() {
        return "sha256:" + sha256(normalized());
    }

    /** The emulated manifest digest a pull reports. */
    public String manifestDigest() {
        return digest != null ? digest : "sha256:" + sha256("netdock emulated manifest " + normalized());
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private static void checkDigest(String digest) {
        String algorithm = digest.substring(0, digest.indexOf(':'));
        String hex = digest.substring(digest.indexOf(':') + 1);
        if (algorithm.equals("sha256") && hex.length() != 64) {
            throw invalid("invalid checksum digest length");
        }
        if (!algorithm.equals("sha256") && !algorithm.equals("sha384") && !algorithm.equals("sha512")) {
            throw invalid("unsupported digest algorithm");
        }
    }

    private static boolean containsAny(String text, String chars) {
        return text.chars().anyMatch(c -> chars.indexOf(c) >= 0);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static DockerError invalid(String message) {
        return DockerError.invalidParameter(message);
    }
}
