package vn.tonghop.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.tonghop.normalise.Period;
import vn.tonghop.read.UnreadableReason;

/**
 * The message bundle is the one place for what clerks and staff read: Vietnamese by default, English with
 * {@code tonghop.language=en}, the same keys in both, and no Vietnamese sentence hidden in the Java code.
 */
class MessagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** Vietnamese letters a sentence for a clerk would contain. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /**
     * Where Vietnamese in the code is data the program matches or reads back, not a message: prefixes of unit
     * names, syllables and legacy font tables for encoding detection, the yes/no words of a cell, the period labels
     * the parser reads back, and the number notation of the narrative report (a Vietnamese document by design,
     * whose wording lives in {@code jobs/antq-01-narrative.yaml}).
     */
    private static final Set<String> VIETNAMESE_AS_DATA = Set.of("normalise/UnitNameKey.java", "normalise/Period.java",
            "read/VietnameseSyllables.java", "read/LegacyFont.java", "read/CellText.java", "export/narrative/VietnameseFigures.java");
    /** Single literals that are data: the registry's unit types (a province's title depends on one; the long classes shortened). */
    private static final Set<String> LITERALS_AS_DATA = Set.of("export/pack/PackRepository.java:\"Thành phố\"",
            "registry/RegistryImporter.java:\"Thành phố \"", "registry/RegistryImporter.java:\"Thành phố\"",
            "registry/RegistryImporter.java:\"Đặc khu \"", "registry/RegistryImporter.java:\"Đặc khu\"");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void bundles_haveTheSameKeysInVietnameseAndEnglish() throws IOException {
        Properties vi = load("tonghop.properties");
        Properties en = load("tonghop_en.properties");

        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(vi.stringPropertyNames()));
    }

    @Test
    void bundles_doubleEveryLiteralApostrophe() throws IOException {
        for (String name : List.of("tonghop.properties", "tonghop_en.properties")) {
            Properties bundle = load(name);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (key.startsWith("unreadable.")) {
                    continue; // read raw too (UnreadableReason#vietnamese), never through MessageFormat alone
                }
                assertThat(pattern.replace("''", "")).as("%s in %s", key, name).doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyTheCodeAsksFor_isInTheBundle() throws IOException {
        Properties vi = load("tonghop.properties");
        Pattern literalKey = Pattern.compile("(?:messages\\.(?:get|has)|new RegistryFormatException)\\(\"([a-zA-Z.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literalKey.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    boolean prefix = key.endsWith(".");
                    if (!prefix && !vi.containsKey(key)) {
                        missing.add(SOURCES.relativize(file) + ": " + key);
                    }
                }
            }
        }
        for (Severity severity : Severity.values()) {
            assertThat(vi).containsKey("severity." + severity.sqlName());
        }
        for (UnreadableReason reason : UnreadableReason.values()) {
            assertThat(vi).containsKey(reason.messageKey());
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void period_isNamedInTheConfiguredLanguage() {
        Messages vi = Messages.vietnamese();
        Messages en = new Messages("en");

        for (Period period : List.of(Period.ofYear(2023), Period.ofNineMonths(2023), Period.ofHalfYear(2024, 1), Period.ofHalfYear(2024, 2),
                Period.ofQuarter(2022, 3), Period.ofMonth(2023, 11))) {
            assertThat(vi.period(period)).isEqualTo(period.vietnameseLabel());
        }
        assertThat(en.period(Period.ofQuarter(2022, 3))).isEqualTo("quarter III/2022");
        assertThat(en.period(Period.ofHalfYear(2024, 1))).isEqualTo("first half of 2024");
        assertThat(vi.get("unreadable.ZIP_BOMB")).isEqualTo(UnreadableReason.ZIP_BOMB.vietnamese());
    }

    @Test
    void get_whenOneKeyIsWordedOnManyThreadsAtOnce_thenEachGetsItsOwnArguments() throws Exception {
        Messages vi = Messages.vietnamese();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> worded = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String code = String.format("%05d", i);
                worded.add(pool.submit(() -> vi.get("row.unit.unknownCode", code, "năm 2023")));
            }
            for (int i = 0; i < worded.size(); i++) {
                assertThat(worded.get(i).get()).isEqualTo(vi.get("row.unit.unknownCode", String.format("%05d", i), "năm 2023"))
                        .contains(String.format("%05d", i));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(vi.get("row.period.missing")).isEqualTo("Dòng không có kỳ báo cáo và tệp cũng không ghi kỳ báo cáo.");
    }

    @Test
    void javaSources_holdNoVietnameseSentenceForClerksOrStaff() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/').replaceFirst("^vn/tonghop/", "");
                if (VIETNAMESE_AS_DATA.contains(relative)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*") || line.contains("description =")) {
                        continue; // comments, and picocli's help texts (which are bilingual on purpose)
                    }
                    Matcher literal = STRING_LITERAL.matcher(line);
                    while (literal.find()) {
                        if (VIETNAMESE.matcher(literal.group()).find() && !LITERALS_AS_DATA.contains(relative + ":" + literal.group())) {
                            found.add(relative + ":" + (i + 1) + ": " + literal.group());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
