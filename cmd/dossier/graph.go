package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/extract"
	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/view"
)

type graphOptions struct {
	*globalOptions
	out     string
	top     int
	minDocs int
	kinds   []string
	types   []string
	title   string
}

func newGraphCmd(g *globalOptions) *cobra.Command {
	o := &graphOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Draw the entity network as one self-contained HTML or SVG file",
		Long: `graph draws who is named with whom: one node per entity, coloured by type and
sized by mentions, one edge per relation, as wide as the number of documents
stating it. The layout is force-directed and computed by dossier itself, so the
same database always gives the same picture.

An .html file is one page that needs no network: filters for type, relation
kind and minimum number of documents, pan and zoom, and a click on a node lists
its aliases and relations. An .svg file is the still picture.

Only the --top most mentioned entities are drawn (0 for all), so the picture of
a large database stays readable and quick.`,
		Example: `  dossier graph --out seeds.html
  dossier graph --out people.svg --type PERSON --kind typed,cooccurrence
  dossier graph --out big.html --top 500 --min-docs 2`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return o.run(cmd) },
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "the file to write: .html (interactive) or .svg (still)")
	f.IntVar(&o.top, "top", view.DefaultTop, "draw only this many entities, the most mentioned (0 for all)")
	f.IntVar(&o.minDocs, "min-docs", 1, "keep entities and relations named in at least this many documents")
	f.StringSliceVar(&o.kinds, "kind", []string{extract.KindTyped, extract.KindCooccurrence}, "relation kinds to draw (typed, open, cooccurrence)")
	f.StringSliceVar(&o.types, "type", nil, "only these entity types (PERSON, LOCATION, ORGANIZATION); all when empty")
	f.StringVar(&o.title, "title", "", "the title shown above the picture (default: the database's file name)")
	cmd.MarkFlagRequired("out")
	return cmd
}

func (o *graphOptions) run(cmd *cobra.Command) error {
	ext := strings.ToLower(filepath.Ext(o.out))
	if ext != ".html" && ext != ".htm" && ext != ".svg" {
		return fmt.Errorf("--out %s: the file must end in .html or .svg", o.out)
	}
	for _, k := range o.kinds {
		if !slices.Contains([]string{extract.KindTyped, extract.KindOpen, extract.KindCooccurrence}, k) {
			return fmt.Errorf("unknown relation kind %q: want typed, open or cooccurrence", k)
		}
	}
	for i, t := range o.types {
		o.types[i] = strings.ToUpper(t)
	}
	db, err := openExisting(cmd.Context(), o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	g, err := db.Graph(cmd.Context(), store.GraphFilter{Kinds: o.kinds, Types: o.types, MinDocs: o.minDocs, Top: o.top})
	if err != nil {
		return err
	}
	opts := view.GraphOptions{Title: o.title}
	if opts.Title == "" {
		opts.Title = "Entity network of " + filepath.Base(o.db)
	}
	write := func(w io.Writer) error { return view.WriteGraphHTML(w, g, opts) }
	if ext == ".svg" {
		write = func(w io.Writer) error { return view.WriteGraphSVG(w, g, opts) }
	}
	if err := writeOutput(o.stdout, o.out, write); err != nil {
		return err
	}
	fmt.Fprintf(o.stdout, "%d entities and %d relations drawn in %s\n", len(g.Nodes), len(g.Edges), o.out)
	return nil
}
