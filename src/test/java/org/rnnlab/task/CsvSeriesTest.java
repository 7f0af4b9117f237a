package org.rnnlab.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.task.registry.Tasks;

class CsvSeriesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsAHeaderedColumnByNameByIndexOrTheLastByDefault() throws IOException {
        Path f = write("a.csv", "\"Month\",\"Passengers\",Other\n\"1949-01\",112,1\n\"1949-02\",118,2\n");
        assertThat(CsvSeries.read(f, "passengers").values()).containsExactly(112, 118);
        assertThat(CsvSeries.read(f, "2").values()).containsExactly(112, 118);
        assertThat(CsvSeries.read(f, null).values()).containsExactly(1, 2);
        assertThat(CsvSeries.read(f, "Passengers").column()).isEqualTo("Passengers");
    }

    @Test
    void theHeaderIsOptionalAndSeparatorsQuotesBlankLinesAndCrlfAreHandled() throws IOException {
        assertThat(CsvSeries.read(write("b.csv", "1.5\n-2\n\n3e2\n"), null).values()).containsExactly(1.5, -2, 300);
        assertThat(CsvSeries.read(write("c.csv", "a;b\r\n1;2\r\n3;4\r\n"), "b").values()).containsExactly(2, 4);
        assertThat(CsvSeries.read(write("d.tsv", "x\ty\n1\t\"5\"\n"), "1").values()).containsExactly(1);
        assertThat(CsvSeries.read(write("e.csv", "\uFEFFname,value\n\"a, b\",7\n"), "value").values())
                .containsExactly(7);
        assertThat(CsvSeries.read(write("f.csv", "1,2\n3,4\n"), "1").column()).isEqualTo("column 1");
    }

    @Test
    void aBadValueNamesItsLineAndValue() throws IOException {
        Path f = write("bad.csv", "t,v\n1,10\n2,11\n\n3,abc\n4,12\n");
        assertThatThrownBy(() -> CsvSeries.read(f, "v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + f + "', line 5: 'abc' in column 'v' is not a number");
        Path nan = write("nan.csv", "1\nNaN\n");
        assertThatThrownBy(() -> CsvSeries.read(nan, null)).hasMessageContaining("line 2: 'NaN'");
        Path inf = write("inf.csv", "1\n1e999\n");
        assertThatThrownBy(() -> CsvSeries.read(inf, null)).hasMessageContaining("line 2: '1e999'")
                .hasMessageContaining("too large");
        Path empty = write("empty-field.csv", "a,b\n1,2\n3,\n");
        assertThatThrownBy(() -> CsvSeries.read(empty, "b")).hasMessageEndingWith("line 3: column 'b' is empty");
        Path shortRow = write("short.csv", "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> CsvSeries.read(shortRow, "b"))
                .hasMessageEndingWith("line 3: has 1 field, column 'b' is number 2");
    }

    @Test
    void aMissingFileOrBadColumnIsNamed() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvSeries.read(missing, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + missing + "' does not exist");
        assertThatThrownBy(() -> CsvSeries.read(dir, null)).hasMessage("'" + dir + "' is a directory, not a CSV file");
        Path f = write("g.csv", "Month,Passengers\n1,2\n");
        assertThatThrownBy(() -> CsvSeries.read(f, "Price"))
                .hasMessage("column 'Price' is not one of Month, Passengers (in file '" + f + "')");
        assertThatThrownBy(() -> CsvSeries.read(f, "3"))
                .hasMessage("column 3 is outside 1..2 (file '" + f + "' has 2 columns; columns count from 1)");
        assertThatThrownBy(() -> CsvSeries.read(f, "0")).hasMessageStartingWith("column 0 is outside 1..2");
        Path noHeader = write("h.csv", "1,2\n");
        assertThatThrownBy(() -> CsvSeries.read(noHeader, "price"))
                .hasMessageContaining("has no header line; give the column as a number 1..2");
        Path blank = write("blank.csv", "\n\n");
        assertThatThrownBy(() -> CsvSeries.read(blank, null)).hasMessage("file '" + blank + "' is empty");
        Path headerOnly = write("header.csv", "a,b\n");
        assertThatThrownBy(() -> CsvSeries.read(headerOnly, null)).hasMessage("file '" + headerOnly
                + "' has no values in column 'b'");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'v', '\n', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> CsvSeries.read(latin1, null)).hasMessage("file '" + latin1 + "' is not UTF-8 text");
    }

    @Test
    void aTooShortSeriesIsRefusedWithTheMinimum() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            s.append(i).append('\n');
        }
        Path f = write("short.csv", s.toString());
        assertThat(ForecastTask.minimumLength(12)).isEqualTo(16);
        assertThatThrownBy(() -> Tasks.create("csv", TaskOptions.defaults().withFile(f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file '" + f + "' has 15 values in column 1; window T=12 needs at least 16");
        Task ok = Tasks.create("csv", TaskOptions.defaults().withFile(f).withLength(5));
        assertThat(ok.testSize()).isEqualTo(3);
        assertThat(ok.sequenceLength()).isEqualTo(5);
        Path one = write("one.csv", "v\n5\n");
        assertThatThrownBy(() -> Tasks.create("csv", TaskOptions.defaults().withFile(one).withLength(1)))
                .hasMessageContaining("has 1 value in v; window T=1 needs at least 3");
    }

    @Test
    void theCsvTaskSplitsInTimeAndUsesPersistence() throws IOException {
        StringBuilder s = new StringBuilder("day,price\n");
        double[] v = new double[50];
        for (int i = 0; i < 50; i++) {
            v[i] = 100 + i * 0.5 + (i % 3);
            s.append(i).append(',').append(v[i]).append('\n');
        }
        Path f = write("price.csv", s.toString());
        ForecastTask t = (ForecastTask) Tasks.create("csv", TaskOptions.defaults().withFile(f).withColumn("price")
                .withLength(4));
        assertThat(t.trainSize()).isEqualTo(40);
        assertThat(t.testSize()).isEqualTo(10);
        assertThat(t.baselineLag()).isEqualTo(1);
        double se = 0;
        for (int m = 40; m < 50; m++) {
            se += (v[m] - v[m - 1]) * (v[m] - v[m - 1]);
        }
        assertThat(t.baselineRmse()).isCloseTo(Math.sqrt(se / 10), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.scale(100)).isZero();
        assertThat(t.baseline()).startsWith("persistence (the previous value): RMSE");
        assertThat(t.description()).contains("price");
    }
}
