package vn.tonghop.normalise;

import java.util.List;
import java.util.Objects;

/**
 * A unit name as {@link UnitNameKey} reads it.
 *
 * @param key         the name without prefix, diacritics, case or punctuation ({@code "Xã Cao Sơn"} gives
 *                    {@code "cao son"}); what names are matched on
 * @param accentedKey the same name with its diacritics kept, each word's tone mark moved to the end of the word as its
 *                    Telex letter ({@code f s r x j}) so that old and new tone placement agree ({@code "Hoà"} and
 *                    {@code "Hòa"} both give {@code "hoaf"}); it tells apart units whose names differ only by
 *                    diacritics within one district ({@code Hương Vân} and {@code Hương Văn}, {@code Đồng Thành} and
 *                    {@code Đông Thành}), which is only possible when the clerk typed them
 * @param prefix      the administrative prefix the text stated, as a {@link TextKey} of its full Vietnamese form
 *                    ({@code "xa"}, {@code "phuong"}, {@code "thi tran"}, {@code "thi xa"}, {@code "huyen"},
 *                    {@code "quan"}, {@code "thanh pho"}, {@code "tinh"}, {@code "dac khu"}; {@code "TT."} gives
 *                    {@code "thi tran"}), or {@code ""}; it tells apart {@code Thị trấn Mường Tè} and
 *                    {@code Xã Mường Tè}, which share a district
 * @param candidates  the keys under which the name may be registered, {@code key} first (see
 *                    {@link UnitNameKey#candidates(String)})
 */
public record UnitName(String key, String accentedKey, String prefix, List<String> candidates) {

    public UnitName {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accentedKey, "accentedKey");
        Objects.requireNonNull(prefix, "prefix");
        candidates = List.copyOf(candidates);
    }
}
