package dev.barrier.report.internal;

import dev.barrier.report.internal.Document.Block;
import dev.barrier.report.internal.Document.BulletList;
import dev.barrier.report.internal.Document.Figure;
import dev.barrier.report.internal.Document.Heading;
import dev.barrier.report.internal.Document.Item;
import dev.barrier.report.internal.Document.Paragraph;
import dev.barrier.report.internal.Document.Table;

import java.util.List;

/**
 * Writes a {@link Document} as one HTML5 page with its style sheet inline; images are referenced by their
 * relative paths. Every text is escaped.
 */
final class HtmlRenderer {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto;
                   max-width: 72em; padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
            h1 { font-size: 1.6em; border-bottom: 2px solid #ccc; padding-bottom: 0.2em; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
            h3 { font-size: 1.1em; margin-top: 1.4em; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; vertical-align: top; }
            th { background: #f2f2f2; text-align: left; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            tbody tr:nth-child(even) { background: #fafafa; }
            ul { margin: 0.4em 0; }
            figure { margin: 1em 0; }
            figure img { max-width: 100%; border: 1px solid #ddd; }
            figcaption { font-size: 0.9em; color: #555; }
            """;

    private HtmlRenderer() {
    }

    /** Returns the page. */
    static String render(Document document) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                int level = Math.max(1, Math.min(6, heading.level()));
                out.append("<h").append(level).append('>').append(escape(heading.text())).append("</h").append(level)
                        .append(">\n");
            } else if (block instanceof Paragraph paragraph) {
                out.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Table table) {
                table(out, table);
            } else if (block instanceof BulletList list) {
                items(out, list.items());
            } else if (block instanceof Figure figure) {
                String path = escape(figure.path());
                out.append("<figure><a href=\"").append(path).append("\"><img src=\"").append(path)
                        .append("\" alt=\"").append(escape(figure.caption())).append("\"></a><figcaption>")
                        .append(escape(figure.caption())).append("</figcaption></figure>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder out, Table table) {
        out.append("<table>\n<thead><tr>");
        for (int i = 0; i < table.header().size(); i++) {
            out.append(table.numeric().get(i) ? "<th class=\"num\">" : "<th>").append(escape(table.header().get(i)))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(table.numeric().get(i) ? "<td class=\"num\">" : "<td>").append(escape(row.get(i)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void items(StringBuilder out, List<Item> items) {
        out.append("<ul>\n");
        for (Item item : items) {
            out.append("<li>").append(escape(item.text()));
            if (!item.children().isEmpty()) {
                out.append('\n');
                items(out, item.children());
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n");
    }

    /** Escapes the five characters that HTML text and attribute values must not contain literally. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
