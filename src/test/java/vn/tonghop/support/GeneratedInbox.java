package vn.tonghop.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A few hundred small report files for the communes of {@code sample-input/registry/units.csv},
 * deterministic from a seed, in the long shape ({@code ma_don_vi,ky_bao_cao,chi_tieu,gia_tri}): monthly
 * reports of 2023 for the first communes, annual 2022 reports, and corrections of some months sent later
 * (which must supersede, never add to, the first version). Modification times are spread over the past so
 * that arrival order, and thus which version wins, is fixed.
 */
public final class GeneratedInbox {

    /** A commune of the sample registry and the district office that submits for it. */
    private record Commune(String code, String district) {
    }

    private GeneratedInbox() {
    }

    /** Writes the files under {@code inbox/<district>/}; returns how many. */
    public static int write(Path inbox, int communes, long seed) throws IOException {
        List<Commune> units = communes(communes);
        Random random = new Random(seed);
        Instant arrival = Instant.parse("2024-01-02T08:00:00Z");
        int files = 0;
        for (Commune unit : units) {
            for (int month = 1; month <= 12; month++) {
                write(inbox, unit, unit.code() + "-2023-" + two(month) + ".csv", "2023-M" + two(month), random, arrival.plusSeconds(files));
                files++;
            }
            write(inbox, unit, unit.code() + "-2022.csv", "2022", random, arrival.plusSeconds(files));
            files++;
        }
        // corrections: a later file for the same commune and month replaces the first one
        for (int i = 0; i < units.size() * 2; i++) {
            Commune unit = units.get(i % units.size());
            int month = 1 + (i * 5) % 12;
            write(inbox, unit, unit.code() + "-2023-" + two(month) + "-sua.csv", "2023-M" + two(month), random,
                    arrival.plusSeconds(100_000 + i));
            files++;
        }
        return files;
    }

    private static void write(Path inbox, Commune unit, String name, String period, Random random, Instant modified) throws IOException {
        int sessions = 1 + random.nextInt(30);
        int villages = 3 + random.nextInt(10);
        int households = 100 + random.nextInt(900);
        StringBuilder text = new StringBuilder("ma_don_vi,ky_bao_cao,chi_tieu,gia_tri\n");
        value(text, unit, period, "propaganda_sessions", sessions);
        value(text, unit, period, "propaganda_attendees", sessions * (10 + random.nextInt(30)));
        value(text, unit, period, "villages_total", villages);
        value(text, unit, period, "villages_safe", random.nextInt(villages + 1));
        value(text, unit, period, "households_total", households);
        value(text, unit, period, "households_signed", random.nextInt(households + 1));
        value(text, unit, period, "thefts", random.nextInt(4));
        value(text, unit, period, "tips_received", random.nextInt(20));
        Path folder = inbox.resolve(unit.district());
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static void value(StringBuilder text, Commune unit, String period, String indicator, int value) {
        text.append(unit.code()).append(',').append(period).append(',').append(indicator).append(',').append(value).append('\n');
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static List<Commune> communes(int count) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("sample-input/registry/units.csv"), StandardCharsets.UTF_8);
        List<Commune> units = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            units.add(new Commune(cells[4], cells[2]));
            if (units.size() == count) {
                break;
            }
        }
        return units;
    }
}
