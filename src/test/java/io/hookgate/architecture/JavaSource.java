package io.hookgate.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Measures one Java source file without a parser. Method: blank out comments and string, char and text-block
 * literals (keeping line breaks), then walk the braces. A brace block is a method (or constructor, compact record
 * constructor, initializer) when it opens directly inside a type body, outside parentheses, and its header (the text
 * since the previous {@code ;} or brace), outside its parentheses, declares no type and assigns nothing. A method's length
 * is the lines from its opening brace to its closing brace, both included. Lambdas, anonymous and local classes
 * count toward the method that holds them.
 */
final class JavaSource {

    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\b");

    /** A method body: where it starts, and how many lines it spans. */
    record Method(String header, int line, int lines) {
    }

    private enum Block { TYPE, METHOD, OTHER }

    private JavaSource() {
    }

    /** The method bodies of {@code source}, in order of their closing braces. */
    static List<Method> methods(String source) {
        String code = blankLiteralsAndComments(source);
        List<Method> methods = new ArrayList<>();
        Deque<Block> blocks = new ArrayDeque<>();
        Deque<Integer> openedAt = new ArrayDeque<>();
        Deque<String> headers = new ArrayDeque<>();
        StringBuilder header = new StringBuilder();
        int line = 1;
        int parens = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            switch (c) {
                case '\n' -> line++;
                case '(' -> parens++;
                case ')' -> parens--;
                case '{' -> {
                    Block kind = classify(header.toString(), blocks.peek(), parens);
                    blocks.push(kind);
                    openedAt.push(line);
                    headers.push(header.toString().strip());
                    header.setLength(0);
                    continue;
                }
                case '}' -> {
                    Block kind = blocks.pop();
                    int from = openedAt.pop();
                    String name = headers.pop();
                    if (kind == Block.METHOD) {
                        methods.add(new Method(name, from, line - from + 1));
                    }
                    header.setLength(0);
                    continue;
                }
                case ';' -> {
                    header.setLength(0);
                    continue;
                }
                default -> {
                }
            }
            header.append(c);
        }
        return methods;
    }

    private static Block classify(String rawHeader, Block enclosing, int parens) {
        if (parens > 0) {
            return Block.OTHER;
        }
        // annotation arguments and parameter lists may hold "=" or ".class": judge only what is outside parentheses
        String header = outsideParentheses(rawHeader);
        if (TYPE_HEADER.matcher(header).find()) {
            return Block.TYPE;
        }
        if (enclosing == Block.TYPE && !header.contains("=") && !header.contains("->")) {
            return Block.METHOD;
        }
        return Block.OTHER;
    }

    private static String outsideParentheses(String header) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : header.toCharArray()) {
            depth += c == '(' ? 1 : 0;
            if (depth == 0) {
                out.append(c);
            }
            // a header may start inside an annotation's parentheses (after an array argument's closing brace)
            depth = Math.max(0, depth - (c == ')' ? 1 : 0));
        }
        return out.toString();
    }

    /** The source with comments and literals replaced by spaces; line breaks stay where they were. */
    static String blankLiteralsAndComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end = literalOrCommentEnd(s, i);
            if (end == i) {
                out.append(s.charAt(i++));
                continue;
            }
            for (int j = i; j < end; j++) {
                out.append(s.charAt(j) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }

    /** The end of the comment or literal starting at {@code i}, or {@code i} when none starts there. */
    private static int literalOrCommentEnd(String s, int i) {
        if (s.startsWith("//", i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (s.startsWith("/*", i)) {
            return s.indexOf("*/", i + 2) + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            return closing(s, i + 3, "\"\"\"");
        }
        char c = s.charAt(i);
        return c == '"' || c == '\'' ? closing(s, i + 1, String.valueOf(c)) : i;
    }

    private static int closing(String s, int from, String quote) {
        int j = from;
        while (!s.startsWith(quote, j)) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + quote.length();
    }
}
