package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
)

type exportOptions struct {
	*globalOptions
	format  string
	output  string
	table   string
	outDir  string
	kinds   []string
	minDocs int
}

func newExportCmd(g *globalOptions) *cobra.Command {
	o := &exportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the database as JSON lines, CSV tables or a GraphML entity network",
		Long: `export writes what the database holds in one of three formats.

jsonl (the default) writes one JSON object per successfully processed
document, ordered by path: its entities (canonical name, type, aliases seen in
it, mention count), its mentions (offsets, text, type, entity) and its
relations (subject, predicate, object, kind, evidence span and text,
confidence). The shape is the export contract in the design guide; evaluation
tools read exactly this.

csv writes one table with a header row, quoted as RFC 4180 says, for
spreadsheets: --table entities, mentions, relations or documents; --out DIR
writes all four as DIR/<table>.csv.

graphml writes the entity network for Gephi, yEd or networkx: one node per
entity (name, type, docs, mentions, aliases) and one edge per relation
aggregated over documents (predicate, kind, docs, mentions, best evidence).
--kind chooses the relation kinds, --min-docs drops entities and relations
named in fewer documents.

Offsets start/end are UTF-8 byte offsets into the original file; cstart/cend
are the same spans in code points, which is how Python and JavaScript index
strings.`,
		Example: `  dossier export --format jsonl > out.jsonl
  dossier export -o out.jsonl
  dossier export --format csv --table mentions -o mentions.csv
  dossier export --format csv --out tables/
  dossier export --format graphml --kind typed --min-docs 2 -o network.graphml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return o.run(cmd) },
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "jsonl", "output format: jsonl, csv or graphml")
	f.StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	f.StringVar(&o.table, "table", "", "csv: the table to write: "+strings.Join(store.CSVTables, ", "))
	f.StringVar(&o.outDir, "out", "", "csv: write every table into this folder as <table>.csv")
	f.StringSliceVar(&o.kinds, "kind", []string{extract.KindTyped, extract.KindCooccurrence}, "graphml: relation kinds to keep as edges (typed, open, cooccurrence)")
	f.IntVar(&o.minDocs, "min-docs", 1, "graphml: keep entities and relations named in at least this many documents")
	return cmd
}

func (o *exportOptions) run(cmd *cobra.Command) error {
	switch o.format {
	case "jsonl", "graphml":
		if o.table != "" || o.outDir != "" {
			return fmt.Errorf("--table and --out are for --format csv")
		}
	case "csv":
		if (o.table == "") == (o.outDir == "") {
			return fmt.Errorf("csv: give either --table (one of %s) or --out DIR for all of them", strings.Join(store.CSVTables, ", "))
		}
		if o.table != "" && !slices.Contains(store.CSVTables, o.table) {
			return fmt.Errorf("unknown table %q: want one of %s", o.table, strings.Join(store.CSVTables, ", "))
		}
		if o.outDir != "" && o.output != "" {
			return fmt.Errorf("--out writes a folder of tables: leave out -o")
		}
	default:
		return fmt.Errorf("unknown format %q: want jsonl, csv or graphml", o.format)
	}
	for _, k := range o.kinds {
		if !slices.Contains([]string{extract.KindTyped, extract.KindOpen, extract.KindCooccurrence}, k) {
			return fmt.Errorf("unknown relation kind %q: want typed, open or cooccurrence", k)
		}
	}
	db, err := openExisting(cmd.Context(), o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := cmd.Context()
	switch {
	case o.format == "jsonl":
		return writeOutput(o.stdout, o.output, func(w io.Writer) error { return db.Export(ctx, w) })
	case o.format == "graphml":
		g, err := db.Graph(ctx, store.GraphFilter{Kinds: o.kinds, MinDocs: o.minDocs})
		if err != nil {
			return err
		}
		return writeOutput(o.stdout, o.output, g.WriteGraphML)
	case o.table != "":
		return writeOutput(o.stdout, o.output, func(w io.Writer) error { return db.ExportCSV(ctx, w, o.table) })
	}
	if err := os.MkdirAll(o.outDir, 0o755); err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	for _, t := range store.CSVTables {
		path := filepath.Join(o.outDir, t+".csv")
		if err := writeOutput(o.stdout, path, func(w io.Writer) error { return db.ExportCSV(ctx, w, t) }); err != nil {
			return err
		}
		fmt.Fprintln(o.stderr, "wrote", path)
	}
	return nil
}

// writeOutput calls write with a buffered writer to the file path, or to
// stdout when path is "" or "-", and reports any error of writing or
// closing.
func writeOutput(stdout io.Writer, path string, write func(io.Writer) error) error {
	w := stdout
	var f *os.File
	if path != "" && path != "-" {
		var err error
		if f, err = os.Create(path); err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", outputName(path), err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fmt.Errorf("write %s: %w", outputName(path), err)
		}
	}
	return nil
}

func outputName(path string) string {
	if path == "" || path == "-" {
		return "standard output"
	}
	return path
}
