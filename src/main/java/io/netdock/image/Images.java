package io.netdock.image;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The persisted catalogue of emulated images ({@code image_tag}). */
@Repository
public class Images {

    private final JdbcClient jdbc;

    Images(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Image> find(ImageReference reference) {
        return jdbc.sql("select reference, image_id, created_nanos from image_tag where reference = ?")
                .param(reference.normalized()).query((rs, n) -> row(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .optional();
    }

    /** Images whose ID starts with {@code idPrefix} (with or without {@code sha256:}). */
    public List<Image> findByIdPrefix(String idPrefix) {
        String prefix = idPrefix.startsWith("sha256:") ? idPrefix : "sha256:" + idPrefix;
        return jdbc.sql("select reference, image_id, created_nanos from image_tag where image_id like ? order by reference")
                .param(prefix.replace("%", "\\%").replace("_", "\\_") + "%")
                .query((rs, n) -> row(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public int countDistinct() {
        return jdbc.sql("select count(distinct image_id) from image_tag").query(Integer.class).single();
    }

    public List<Image> all() {
        return jdbc.sql("select reference, image_id, created_nanos from image_tag order by created_nanos desc, reference")
                .query((rs, n) -> row(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Stores the image unless known; returns the stored one (the first writer wins a race). */
    public Image addIfAbsent(ImageReference reference, Instant now) {
        Optional<Image> existing = find(reference);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("insert into image_tag (reference, image_id, created_nanos) values (?, ?, ?)")
                    .param(reference.normalized()).param(reference.imageId())
                    .param(now.getEpochSecond() * 1_000_000_000L + now.getNano()).update();
            return new Image(reference.imageId(), reference, now);
        } catch (DuplicateKeyException lostRace) {
            return find(reference).orElseThrow();
        }
    }

    public boolean remove(ImageReference reference) {
        return jdbc.sql("delete from image_tag where reference = ?").param(reference.normalized()).update() > 0;
    }

    private static Image row(String reference, String id, long createdNanos) {
        return new Image(id, ImageReference.parse(reference),
                Instant.ofEpochSecond(Math.floorDiv(createdNanos, 1_000_000_000L), Math.floorMod(createdNanos, 1_000_000_000L)));
    }
}
