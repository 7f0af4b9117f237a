package org.rnnlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The exact ends of every field range the readers check: a value equal to a bound is read, one
 * step past it is refused with a message naming the file and the field; an open lower bound
 * refuses the bound itself. Also the one-line rule for library messages.
 */
class JsonFieldBoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonArrays arrays = new JsonArrays("s.json");

    private static JsonNode node(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void anIntegerEqualToEitherBoundIsReadAndOnePastItIsRefused() throws Exception {
        assertEquals(1, arrays.integer(node("{\"h\": 1}"), "", "h", 1, 1024));
        assertEquals(1024, arrays.integer(node("{\"h\": 1024}"), "", "h", 1, 1024));
        FormatException low = assertThrows(FormatException.class,
                () -> arrays.integer(node("{\"h\": 0}"), "", "h", 1, 1024));
        FormatException high = assertThrows(FormatException.class,
                () -> arrays.integer(node("{\"h\": 1025}"), "", "h", 1, 1024));
        for (FormatException e : new FormatException[] {low, high}) {
            assertTrue(e.getMessage().contains("s.json") && e.getMessage().contains("h"), e.getMessage());
            assertTrue(e.getMessage().contains("1..1024"), e.getMessage());
        }
        assertEquals(Long.MAX_VALUE, arrays.integer(node("{\"n\": 9223372036854775807}"), "", "n", 0, Long.MAX_VALUE));
        assertThrows(FormatException.class,
                () -> arrays.integer(node("{\"n\": 9223372036854775808}"), "", "n", 0, Long.MAX_VALUE));
    }

    @Test
    void aNumberEqualToEitherClosedBoundIsReadAndAnOpenLowerBoundIsRefused() throws Exception {
        assertEquals(0.0, arrays.number(node("{\"x\": 0}"), "p", "x", 0, 1, false));
        assertEquals(1.0, arrays.number(node("{\"x\": 1}"), "p", "x", 0, 1, false));
        assertEquals(1e-300, arrays.number(node("{\"x\": 1e-300}"), "p", "x", 0, 1, true));
        FormatException open = assertThrows(FormatException.class,
                () -> arrays.number(node("{\"x\": 0}"), "p", "x", 0, 1, true));
        assertTrue(open.getMessage().contains("p.x") && open.getMessage().contains("(0.0, 1.0]"), open.getMessage());
        assertThrows(FormatException.class, () -> arrays.number(node("{\"x\": 1.0000001}"), "p", "x", 0, 1, false));
        assertThrows(FormatException.class, () -> arrays.number(node("{\"x\": -1e-9}"), "p", "x", 0, 1, false));
        FormatException text = assertThrows(FormatException.class,
                () -> arrays.number(node("{\"x\": \"0.5\"}"), "p", "x", 0, 1, false));
        assertTrue(text.getMessage().contains("must be a number in [0.0, 1.0]"), text.getMessage());
    }

    @Test
    void aVectorKeepsItsNumbersAndNamesTheIndexOfTheFirstThatIsNotOne() throws Exception {
        double[] v = arrays.finiteVector(node("[0, -1.5, 1e308]"), "w");
        assertEquals(3, v.length);
        assertEquals(-1.5, v[1]);
        assertEquals(1e308, v[2]);
        FormatException nul = assertThrows(FormatException.class, () -> arrays.finiteVector(node("[0, null]"), "w"));
        assertTrue(nul.getMessage().contains("at index 1"), nul.getMessage());
        FormatException huge = assertThrows(FormatException.class, () -> arrays.finiteVector(node("[1, 2, 1e309]"), "w"));
        assertTrue(huge.getMessage().contains("non-finite number at index 2"), huge.getMessage());
        FormatException missing = assertThrows(FormatException.class, () -> arrays.finiteVector(null, "w"));
        assertTrue(missing.getMessage().contains("was missing"), missing.getMessage());
        FormatException object = assertThrows(FormatException.class, () -> arrays.finiteVector(node("{}"), "w"));
        assertTrue(object.getMessage().contains("was an object"), object.getMessage());
    }

    @Test
    void anObjectFieldMustBeAnObject() throws Exception {
        assertTrue(arrays.object(node("{\"a\": {}}"), "", "a").isObject());
        FormatException e = assertThrows(FormatException.class, () -> arrays.object(node("{\"a\": [1]}"), "", "a"));
        assertTrue(e.getMessage().contains("must be a JSON object"), e.getMessage());
    }

    @Test
    void aLibraryMessageKeepsItsFirstLineOnly() {
        assertEquals("Unexpected character", Messages.firstLine("Unexpected character\n at [Source: x; line: 1]"));
        assertEquals("one line", Messages.firstLine("one line"));
        assertEquals("", Messages.firstLine(null));
        String longLine = "x".repeat(500);
        assertEquals(200, Messages.firstLine(longLine).length());
        assertTrue(Messages.firstLine(longLine).endsWith("..."));
        assertEquals("a\\tb", Messages.firstLine("a\tb\nc"));
    }
}
