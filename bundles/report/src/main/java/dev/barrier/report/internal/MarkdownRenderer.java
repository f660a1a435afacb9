package dev.barrier.report.internal;

import dev.barrier.report.internal.Document.Block;
import dev.barrier.report.internal.Document.BulletList;
import dev.barrier.report.internal.Document.Figure;
import dev.barrier.report.internal.Document.Heading;
import dev.barrier.report.internal.Document.Item;
import dev.barrier.report.internal.Document.Paragraph;
import dev.barrier.report.internal.Document.Table;

import java.util.List;

/** Writes a {@link Document} as CommonMark with GitHub's table extension. */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    /** Returns the document's Markdown text, ending with a newline. */
    static String render(Document document) {
        StringBuilder out = new StringBuilder();
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                out.append("#".repeat(Math.max(1, Math.min(6, heading.level())))).append(' ')
                        .append(escape(heading.text())).append("\n\n");
            } else if (block instanceof Paragraph paragraph) {
                out.append(escape(paragraph.text())).append("\n\n");
            } else if (block instanceof Table table) {
                table(out, table);
            } else if (block instanceof BulletList list) {
                items(out, list.items(), 0);
                out.append('\n');
            } else if (block instanceof Figure figure) {
                String target = linkTarget(figure.path());
                out.append("![").append(escape(figure.caption())).append("](").append(target).append(")\n\n")
                        .append(escape(figure.caption())).append(": [").append(escape(figure.path())).append("](")
                        .append(target).append(")\n\n");
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static void table(StringBuilder out, Table table) {
        row(out, table.header());
        out.append('|');
        for (boolean numeric : table.numeric()) {
            out.append(numeric ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<String> cells : table.rows()) {
            row(out, cells);
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(escape(cell)).append(" |");
        }
        out.append('\n');
    }

    private static void items(StringBuilder out, List<Item> items, int depth) {
        for (Item item : items) {
            out.append("  ".repeat(depth)).append("- ").append(escape(item.text())).append('\n');
            items(out, item.children(), depth + 1);
        }
    }

    /**
     * Escapes the characters that Markdown would read as markup or that would end a table cell, and turns
     * line breaks into spaces so that a value cannot break a table row or a list item. A closing bracket is
     * escaped only where it could end a link text, so that lists such as {@code [fc1, fc2]} stay readable.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            switch (c) {
                case '\\', '`', '*', '_', '<', '>', '|', '#' -> out.append('\\').append(c);
                case ']' -> out.append(next == '(' || next == '[' || next == ':' ? "\\]" : "]");
                case '\r' -> {
                }
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns a link target; paths with spaces or brackets go between angle brackets. */
    private static String linkTarget(String path) {
        return path.matches("[A-Za-z0-9._/-]+") ? path : "<" + path.replace("<", "%3C").replace(">", "%3E") + ">";
    }
}
