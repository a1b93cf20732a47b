package io.heavyingest.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void escape_controlAndFormatCharacters_shouldBecomeUnicodeEscapes() {
        assertThat(SafeText.escape("a\u0000b\tc\nd\u007f\u0085\u200e\uFFFDe", 100))
                .isEqualTo("a\\u0000b\\u0009c\\u000Ad\\u007F\\u0085\\u200E\\uFFFDe");
    }

    @Test
    void escape_printableTextAndPairedSurrogates_shouldStayAsIs() {
        String text = "SENSEX 1336-1406 SL71% \u00e9\u4e2d \uD83D\uDE00 \"quoted\" back\\slash";
        assertThat(SafeText.escape(text, 100)).isSameAs(text);
    }

    @Test
    void escape_loneSurrogates_shouldBeEscaped() {
        assertThat(SafeText.escape("x\uD800y\uDC00", 10)).isEqualTo("x\\uD800y\\uDC00");
    }

    @Test
    void escape_longText_shouldBeCutWithTheCountLeftOut() {
        String huge = "x".repeat(200_000_000 / 1000);   // 200,000 characters stand in for a huge field
        String safe = SafeText.fragment(huge);
        assertThat(safe).startsWith("x".repeat(SafeText.FRAGMENT))
                .endsWith("... (" + (huge.length() - SafeText.FRAGMENT) + " more characters)")
                .hasSizeLessThan(SafeText.FRAGMENT + 40);
    }

    @Test
    void escape_cutInsideASurrogatePair_shouldNotSplitIt() {
        String text = "ab\uD83D\uDE00cd";
        assertThat(SafeText.escape(text, 3)).isEqualTo("ab... (4 more characters)");
    }

    @Test
    void escape_null_shouldSayNull() {
        assertThat(SafeText.message(null)).isEqualTo("null");
    }
}
