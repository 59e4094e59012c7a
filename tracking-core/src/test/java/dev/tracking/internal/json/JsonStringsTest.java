package dev.tracking.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

class JsonStringsTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void escapesEveryControlCharacterTheShortWayWhenThereIsOne() {
        assertThat(written("\b\t\n\f\r")).isEqualTo("\"\\b\\t\\n\\f\\r\"");
        for (char c = 0; c < 0x20; c++) {
            if ("\b\t\n\f\r".indexOf(c) < 0) {
                assertThat(written("a" + c + "b")).isEqualTo("\"a\\u%04Xb\"".formatted((int) c));
            }
        }
    }

    @Test
    void escapesQuotesAndBackslashesButNotSlashesOrDelete() {
        assertThat(written("say \"hi\" \\o/ \u007f")).isEqualTo("\"say \\\"hi\\\" \\\\o/ \u007f\"");
    }

    @Test
    void writesNonAsciiCharactersAsTwoThreeAndFourByteUtf8() {
        assertThat(bytes("é")).containsExactly('"', 0xC3, 0xA9, '"');
        assertThat(bytes("\u07ff")).containsExactly('"', 0xDF, 0xBF, '"');
        assertThat(bytes("€")).containsExactly('"', 0xE2, 0x82, 0xAC, '"');
        assertThat(bytes("\uffff")).containsExactly('"', 0xEF, 0xBF, 0xBF, '"');
        assertThat(bytes("😀")).containsExactly('"', 0xF0, 0x9F, 0x98, 0x80, '"');
        assertThat(bytes("\udbff\udfff")).containsExactly('"', 0xF4, 0x8F, 0xBF, 0xBF, '"');
        assertThat(written("ü\n€\"😀x")).isEqualTo("\"ü\\n€\\\"😀x\"");
    }

    @Test
    void escapesUnpairedSurrogatesSoTheOutputStaysValidUtf8AndReadsBackTheSame() throws Exception {
        String[] unpaired = {"\ud83d", "a\ud83db", "\ude00", "x\ude00\ud83d", "\ud83d\ud83d\ude00", "end\ud83d"};
        assertThat(written("a\ud83db")).isEqualTo("\"a\\uD83Db\"");
        assertThat(written("\ud83d\ud83d\ude00")).isEqualTo("\"\\uD83D😀\"");
        for (String text : unpaired) {
            strictUtf8(bytes(text));
            assertThat(JSON.readValue(written(text), String.class)).isEqualTo(text);
        }
    }

    @Test
    void writesAnyTextExactlyAsJacksonsGeneratorDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 2_000; round++) {
            String text = randomText(random, random.nextInt(40));
            byte[] ours = bytes(text);

            assertThat(ours).as("text %s", Arrays.toString(text.toCharArray())).isEqualTo(jackson(text));
            strictUtf8(ours);
            assertThat(JSON.readValue(ours, String.class)).isEqualTo(text);
        }
    }

    @Test
    void writesConcatenatedTextAsOneString() {
        JsonBuffer json = new JsonBuffer(16);
        json.string("server://", "ann\"é");

        assertThat(json.toString()).isEqualTo("\"server://ann\\\"é\"");
    }

    @Test
    void escapesNamesLikeStrings() {
        JsonBuffer json = new JsonBuffer(16);
        json.startObject();
        json.name("a\"\n€");
        json.number(1);
        json.endObject();

        assertThat(json.toString()).isEqualTo("{\"a\\\"\\n€\":1}");
    }

    @Test
    void growsTheBufferInTheMiddleOfALongString() {
        JsonBuffer json = new JsonBuffer(16);
        String text = "ascii start ".repeat(1_000) + "é€😀\u0001\ud800".repeat(10_000) + "ascii end";
        json.startArray();
        json.string(text);
        json.string(text);
        json.endArray();

        assertThat(JSON.readValue(json.toString(), String[].class)).containsExactly(text, text);
        assertThat(json.array().length).isGreaterThanOrEqualTo(json.size());
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1, 2 -> text.append((char) random.nextInt(0x20, 0x80));
                case 3 -> text.append((char) random.nextInt(0x80, 0x800));
                case 4 -> text.append((char) random.nextInt(0x800, 0x10000));
                default -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
            }
        }
        return text.toString();
    }

    private static void strictUtf8(byte[] bytes) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    }

    private static byte[] jackson(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeString(text);
        }
        return out.toByteArray();
    }

    private static String written(String text) {
        return new String(bytes(text), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        JsonBuffer json = new JsonBuffer(16);
        json.string(text);
        return Arrays.copyOf(json.array(), json.size());
    }
}
