package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimiterSnifferTest {

    @Test
    void sniff_whenSemicolonsAndDecimalCommas_thenSemicolon() {
        String text = "Tên xã;Tỷ lệ;Số lượt\nXã Cao Sơn;2,5;1.800\nXã Vi Hương;3;775\nXã Quân Hà;0,75;158.000\n";
        assertThat(DelimiterSniffer.sniff(text, true)).isEqualTo(';');
    }

    @Test
    void sniff_whenCommasInsideQuotes_thenQuotesRespected() {
        String text = "\"Số buổi tuyên truyền, phổ biến pháp luật\";\"Số thôn, bản\";Tên\n7;\"6/6, đạt\";Cao Sơn\n";
        assertThat(DelimiterSniffer.sniff(text, true)).isEqualTo(';');
        assertThat(DelimiterSniffer.sniff("a,\"b;c\",d\n1,\"2;3\",4\n", true)).isEqualTo(',');
    }

    @Test
    void sniff_whenTabs_thenTab() {
        assertThat(DelimiterSniffer.sniff("STT\tTên xã\tSố buổi, lượt\n1\tXã Cao Sơn\t7\n", true)).isEqualTo('\t');
    }

    @Test
    void sniff_whenTitleLinesAboveTheTable_thenTheTableDecides() {
        String text = "BÁO CÁO KẾT QUẢ PHONG TRÀO, NĂM 2023\nHuyện Bạch Thông\n\nTên xã;Số buổi\nXã Cao Sơn;7\nXã Vi Hương;21\n";
        assertThat(DelimiterSniffer.sniff(text, true)).isEqualTo(';');
    }

    @Test
    void sniff_whenOneColumnOnly_thenComma() {
        assertThat(DelimiterSniffer.sniff("Xã Cao Sơn\nXã Vi Hương\n", true)).isEqualTo(',');
    }

    @Test
    void sniff_whenSampleEndsMidRecord_thenTheCutRecordIsIgnored() {
        assertThat(DelimiterSniffer.sniff("a;b;c\n1;2;3\n4;5,6,7,8,9,10,11", false)).isEqualTo(';');
    }
}
