package vn.tonghop.export.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VietnameseFiguresTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void count_groupsThousandsWithDotsAndWritesDecimalsWithAComma() {
        assertThat(VietnameseFigures.count(n("1800"))).isEqualTo("1.800");
        assertThat(VietnameseFigures.count(n("158000"))).isEqualTo("158.000");
        assertThat(VietnameseFigures.count(n("92"))).isEqualTo("92");
        assertThat(VietnameseFigures.count(n("2.5"))).isEqualTo("2,5");
        assertThat(VietnameseFigures.count(n("7.000"))).isEqualTo("7");
    }

    @Test
    void money_isWrittenInTyOrTrieuWhenThatKeepsItExact() {
        assertThat(VietnameseFigures.money(n("100000000"))).isEqualTo("100 triệu đồng");
        assertThat(VietnameseFigures.money(n("12500000"))).isEqualTo("12,5 triệu đồng");
        assertThat(VietnameseFigures.money(n("1500000000"))).isEqualTo("1,5 tỷ đồng");
        assertThat(VietnameseFigures.money(n("1742000000"))).isEqualTo("1,742 tỷ đồng");
        assertThat(VietnameseFigures.money(n("1000000000"))).isEqualTo("1 tỷ đồng");
        assertThat(VietnameseFigures.money(n("2500000000000"))).isEqualTo("2.500 tỷ đồng");
    }

    @Test
    void money_whenRoundingWouldLoseDong_thenItIsWrittenInASmallerUnitOrInFull() {
        assertThat(VietnameseFigures.money(n("1742512000"))).isEqualTo("1.742,512 triệu đồng");
        assertThat(VietnameseFigures.money(n("1742512300"))).isEqualTo("1.742.512.300 đồng");
        assertThat(VietnameseFigures.money(n("250000"))).isEqualTo("250.000 đồng");
    }

    @Test
    void percent_writesAStoredRateAsAPercentageWithoutTrailingZeros() {
        assertThat(VietnameseFigures.percent(n("0.9420"))).isEqualTo("94,2%");
        assertThat(VietnameseFigures.percent(n("0.8991"))).isEqualTo("89,91%");
        assertThat(VietnameseFigures.percent(n("1.0000"))).isEqualTo("100%");
    }

    @Test
    void percentChange_isUnsignedWithOneDecimal_andNeverZeroForADifference() {
        assertThat(VietnameseFigures.percentChange(n("804"), n("799"))).isEqualTo("0,6%");
        assertThat(VietnameseFigures.percentChange(n("112"), n("100"))).isEqualTo("12%");
        assertThat(VietnameseFigures.percentChange(n("22"), n("23"))).isEqualTo("4,3%");
        assertThat(VietnameseFigures.percentChange(n("100001"), n("100000"))).isEqualTo("dưới 0,1%");
    }

    @Test
    void points_isTheDifferenceOfTwoRatesInPercentagePoints() {
        assertThat(VietnameseFigures.points(n("0.9420"), n("0.9281"))).isEqualTo("1,39");
    }
}
