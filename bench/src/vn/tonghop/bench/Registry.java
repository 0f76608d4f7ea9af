package vn.tonghop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slice of the real registry ({@code shared/data/admin-units/units-2024.csv}) a benchmark runs on:
 * whole districts, in file order, until at least the requested number of communes is reached.
 */
final class Registry {

    record Commune(String provinceCode, String provinceName, String districtCode, String districtName, String code, String name,
                   String type, String line) {
    }

    record District(String code, String name, String provinceCode, String provinceName, List<Commune> communes) {
    }

    private final String header;
    final List<District> districts;

    private Registry(String header, List<District> districts) {
        this.header = header;
        this.districts = districts;
    }

    static Registry read(Path units2024, int communeLimit) throws IOException {
        Map<String, List<Commune>> byDistrict = new LinkedHashMap<>();
        String header;
        try (BufferedReader in = Files.newBufferedReader(units2024, StandardCharsets.UTF_8)) {
            header = in.readLine();
            if (header == null || !header.startsWith("province_code,province_name,district_code,district_name,commune_code")) {
                throw new IOException(units2024 + " is not in the units-2024 layout");
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = splitCsv(line);
                Commune c = new Commune(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), line);
                byDistrict.computeIfAbsent(c.districtCode(), k -> new ArrayList<>()).add(c);
            }
        }
        List<District> districts = new ArrayList<>();
        int communes = 0;
        for (List<Commune> list : byDistrict.values()) {
            if (communes >= communeLimit) {
                break;
            }
            Commune first = list.get(0);
            districts.add(new District(first.districtCode(), first.districtName(), first.provinceCode(), first.provinceName(), List.copyOf(list)));
            communes += list.size();
        }
        return new Registry(header, List.copyOf(districts));
    }

    int communeCount() {
        return districts.stream().mapToInt(d -> d.communes().size()).sum();
    }

    List<Commune> communes() {
        List<Commune> all = new ArrayList<>();
        districts.forEach(d -> all.addAll(d.communes()));
        return all;
    }

    /** The slice in the units-2024 layout, for {@code tonghop units import}. */
    void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (District d : districts) {
                for (Commune c : d.communes()) {
                    out.write(c.line());
                    out.write('\n');
                }
            }
        }
    }

    /** The registry is plain CSV with quotes only where a field holds a comma. */
    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
