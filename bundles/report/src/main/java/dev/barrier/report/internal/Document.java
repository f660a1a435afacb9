package dev.barrier.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A summary as a sequence of blocks of plain text, independent of markup. Renderers escape the text for
 * their format; no block holds markup of its own.
 */
final class Document {

    /** One block of the document. */
    sealed interface Block permits Heading, Paragraph, Table, BulletList, Figure {
    }

    /** A heading; level 1 is the title. */
    record Heading(int level, String text) implements Block {
    }

    /** A paragraph of text. */
    record Paragraph(String text) implements Block {
    }

    /**
     * A table.
     *
     * @param header  the column titles
     * @param numeric for each column, whether it contains numbers (aligned right)
     * @param rows    the cells, one list per row, as many as there are columns
     */
    record Table(List<String> header, List<Boolean> numeric, List<List<String>> rows) implements Block {

        /** Checks that every row has one cell per column. */
        Table {
            header = List.copyOf(header);
            numeric = List.copyOf(numeric);
            rows = rows.stream().map(List::copyOf).toList();
            if (numeric.size() != header.size()) {
                throw new IllegalArgumentException("expected " + header.size() + " alignment flags, got "
                        + numeric.size());
            }
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("expected " + header.size() + " cells per row, got "
                            + row.size() + ": " + row);
                }
            }
        }
    }

    /** A list whose items may hold nested lists. */
    record BulletList(List<Item> items) implements Block {

        /** Copies the items. */
        BulletList {
            items = List.copyOf(items);
        }
    }

    /** A list item with optional nested items. */
    record Item(String text, List<Item> children) {

        /** Copies the children. */
        Item {
            Objects.requireNonNull(text, "text");
            children = List.copyOf(children);
        }

        /** Creates an item without children. */
        static Item of(String text) {
            return new Item(text, List.of());
        }
    }

    /**
     * An image with a caption.
     *
     * @param caption what the image shows
     * @param path    the image file relative to the document, with {@code /} separators
     */
    record Figure(String caption, String path) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    /** Appends a block. */
    Document add(Block block) {
        blocks.add(Objects.requireNonNull(block, "block"));
        return this;
    }

    /** Returns the blocks in order. */
    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** Returns the title: the text of the first level-1 heading, or an empty string. */
    String title() {
        for (Block block : blocks) {
            if (block instanceof Heading heading && heading.level() == 1) {
                return heading.text();
            }
        }
        return "";
    }
}
