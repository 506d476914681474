package io.openvod.bench.cluster;

import java.util.Locale;

/** A configuration the cluster benchmark measures: how many platform nodes, on which database. */
enum Setup {
    /** One node on a SQLite file: the embedded default. */
    A("a", Database.SQLITE, 1),
    /** One node on PostgreSQL. */
    B("b", Database.POSTGRES, 1),
    /** Two nodes on one PostgreSQL database, sharing one object folder. */
    C("c", Database.POSTGRES, 2);

    /** The platform database of a configuration. */
    enum Database { SQLITE, POSTGRES }

    private final String letter;
    private final Database database;
    private final int nodes;

    Setup(String letter, Database database, int nodes) {
        this.letter = letter;
        this.database = database;
        this.nodes = nodes;
    }

    String letter() {
        return letter;
    }

    Database database() {
        return database;
    }

    int nodes() {
        return nodes;
    }

    /** E.g. {@code 2 nodes PostgreSQL}. */
    String label() {
        return nodes + (nodes == 1 ? " node " : " nodes ") + (database == Database.SQLITE ? "SQLite" : "PostgreSQL");
    }

    /** The configuration named by its letter ({@code a}, {@code b}, {@code c}). */
    static Setup named(String letter) {
        for (Setup s : values()) {
            if (s.letter.equals(letter.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown configuration " + letter + " (a = 1 node SQLite, b = 1 node PostgreSQL, "
                + "c = 2 nodes PostgreSQL)");
    }
}
