package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.HeaderVocabulary;

/** serve's warm-up really goes through the readers: its workbook and its CSV are found and read like a clerk's files. */
class ServeWarmUpTest {

    @Test
    void warmUp_thenBothItsFilesAreLocatedAndTheirCommuneRowsRead() throws IOException {
        ReportForm form = new FormLoader().load(Path.of("jobs/antq-01.yaml"));

        assertThat(new ServeWarmUp(form, new HeaderVocabulary(form)).warmUp()).isEqualTo(4);
    }
}
