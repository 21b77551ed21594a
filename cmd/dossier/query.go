package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/store"
)

type entitiesOptions struct {
	*globalOptions
	filter    store.EntityFilter
	json      bool
	decisions bool
}

func newEntitiesCmd(g *globalOptions) *cobra.Command {
	o := &entitiesOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List entities with their number of documents, mentions and aliases",
		Long: `entities lists the entities in the database, most mentioned first: canonical
name, type, how many documents and mentions, and every alias seen.`,
		Example: `  dossier entities --type PERSON
  dossier entities --name gladkov
  dossier entities --decisions
  dossier entities --doc belgorod/002.txt --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkLimit(cmd, o.filter.Limit); err != nil {
				return err
			}
			db, err := openExisting(cmd.Context(), o.db)
			if err != nil {
				return err
			}
			defer db.Close()
			if o.decisions {
				return o.printDecisions(cmd.Context(), db)
			}
			limit := o.filter.Limit
			f := o.filter
			f.Limit = 0
			rows, err := db.Entities(cmd.Context(), f)
			if err != nil {
				return filterError(cmd, err)
			}
			total := len(rows)
			if limit > 0 && len(rows) > limit {
				rows = rows[:limit]
			}
			if o.json {
				return writeJSON(o.stdout, rows)
			}
			tw := tabwriter.NewWriter(o.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tTYPE\tDOCS\tMENTIONS\tALIASES")
			for _, r := range rows {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\n", r.ID, r.Name, r.Type, r.Docs, r.Mentions, strings.Join(otherAliases(r.Name, r.Aliases), "; "))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			moreLine(o.globalOptions, len(rows), total)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.filter.Type, "type", "", "only this type: PERSON, LOCATION, ORGANIZATION")
	f.StringVar(&o.filter.Name, "name", "", "only entities with a name or alias matching this (case-insensitive), or this id")
	f.StringVar(&o.filter.Doc, "doc", "", "only entities mentioned in this document (path as stored)")
	f.IntVar(&o.filter.Limit, "limit", 50, "at most this many rows (0 for all)")
	f.BoolVar(&o.json, "json", false, "print JSON for scripts")
	f.BoolVar(&o.decisions, "decisions", false, "list the merges and splits decided beyond exact names (aliases file, spelling variants)")
	return cmd
}

func (o *entitiesOptions) printDecisions(ctx context.Context, db *store.DB) error {
	ds, err := db.Decisions(ctx)
	if err != nil {
		return err
	}
	total := len(ds)
	if o.filter.Limit > 0 && len(ds) > o.filter.Limit {
		ds = ds[:o.filter.Limit]
	}
	defer moreLine(o.globalOptions, len(ds), total)
	if o.json {
		return writeJSON(o.stdout, ds)
	}
	tw := tabwriter.NewWriter(o.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ENTITY\tDECISION\tNAME\tRULE\tDETAIL")
	for _, d := range ds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.Entity, d.Decision, d.Name, d.Rule, d.Detail)
	}
	return tw.Flush()
}

// otherAliases returns the aliases that differ from the name.
func otherAliases(name string, aliases []string) []string {
	var out []string
	for _, a := range aliases {
		if a != name {
			out = append(out, a)
		}
	}
	return out
}

type relationsOptions struct {
	*globalOptions
	filter store.RelationFilter
	json   bool
}

func newRelationsCmd(g *globalOptions) *cobra.Command {
	o := &relationsOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "relations",
		Short: "List relations between entities, aggregated over documents, with evidence",
		Long: `relations lists how entities are related: subject, predicate, object, the number
of documents that state it, and the best evidence sentence. Kinds are typed
(leads, speaks_for, member_of, part_of, located_in, based_in, lives_in, born_in,
killed), open (a verb phrase) and cooccurrence (named in one sentence). RULE
names what found a typed relation: "model" for the learned relation model, else
the hand-written pattern; CONF is its confidence (for the model, the calibrated
probability of the predicate), which --min-confidence filters on.`,
		Example: `  dossier relations --entity Gladkov
  dossier relations --predicate speaks_for --json
  dossier relations --kind cooccurrence --min-docs 3
  dossier relations --kind typed --min-confidence 0.8`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkLimit(cmd, o.filter.Limit); err != nil {
				return err
			}
			if o.filter.MinDocs < 0 {
				return usageErrorf(cmd, "--min-docs must be 0 or more, got %d", o.filter.MinDocs)
			}
			if o.filter.MinConfidence < 0 || o.filter.MinConfidence > 1 {
				return usageErrorf(cmd, "--min-confidence must be between 0 and 1, got %g", o.filter.MinConfidence)
			}
			db, err := openExisting(cmd.Context(), o.db)
			if err != nil {
				return err
			}
			defer db.Close()
			limit := o.filter.Limit
			f := o.filter
			f.Limit = 0
			rows, err := db.Relations(cmd.Context(), f)
			if err != nil {
				return filterError(cmd, err)
			}
			total := len(rows)
			if limit > 0 && len(rows) > limit {
				rows = rows[:limit]
			}
			if o.json {
				return writeJSON(o.stdout, rows)
			}
			tw := tabwriter.NewWriter(o.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "SUBJECT\tPREDICATE\tOBJECT\tKIND\tDOCS\tCONF\tRULE\tEVIDENCE")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%.2f\t%s\t%q\n", r.Subject, r.Predicate, r.Object, r.Kind, r.Docs, r.Confidence, r.Rule, clip(r.Evidence, 90))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			moreLine(o.globalOptions, len(rows), total)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.filter.Entity, "entity", "", "only relations whose subject or object has this name or alias, or this id")
	f.StringVar(&o.filter.Predicate, "predicate", "", "only this predicate (leads, speaks_for, ...)")
	f.StringVar(&o.filter.Kind, "kind", "", "only this kind: typed, open, cooccurrence")
	f.IntVar(&o.filter.MinDocs, "min-docs", 0, "only relations stated in at least this many documents")
	f.Float64Var(&o.filter.MinConfidence, "min-confidence", 0, "only relations with at least this confidence")
	f.IntVar(&o.filter.Limit, "limit", 50, "at most this many rows (0 for all)")
	f.BoolVar(&o.json, "json", false, "print JSON for scripts")
	return cmd
}

func newSearchCmd(g *globalOptions) *cobra.Command {
	var f store.SearchFilter
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search [QUERY] [--entity NAME|ID]",
		Short: "Full-text search over the sentences of every document, or the sentences naming an entity",
		Long: `search finds sentences matching QUERY with SQLite's FTS4 full-text index. QUERY
uses FTS4 syntax: words (all must match), "a phrase", OR, prefix*, NEAR.

--entity NAME|ID finds the sentences that mention the entity under any of its
aliases (its mentions in [brackets]); with a QUERY too, only those that also
match it.`,
		Example: `  dossier search Shebekino
  dossier search '"border checkpoint"'
  dossier search --entity Gladkov
  dossier search drone --entity "Vyacheslav Gladkov"
  dossier search 'drone OR drones' --limit 5`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && f.Entity == "" {
				return fmt.Errorf("give a QUERY, --entity NAME|ID, or both")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkLimit(cmd, f.Limit); err != nil {
				return err
			}
			db, err := openExisting(cmd.Context(), g.db)
			if err != nil {
				return err
			}
			defer db.Close()
			f.Query = strings.Join(args, " ")
			hits, total, err := db.SearchSentences(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g.stdout, hits)
			}
			for _, h := range hits {
				fmt.Fprintf(g.stdout, "%s:%d [%d,%d)  %s\n", h.Doc, h.Sentence, h.Start, h.End, h.Snippet)
			}
			if len(hits) == 0 {
				fmt.Fprintln(g.stderr, "no sentence matches")
			}
			moreLine(g, len(hits), total)
			return nil
		},
	}
	cmd.Flags().StringVar(&f.Entity, "entity", "", "only sentences that mention this entity (name, alias or id)")
	cmd.Flags().IntVar(&f.Limit, "limit", 20, "at most this many sentences (0 for all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}

func newDocumentsCmd(g *globalOptions) *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "documents",
		Short: "List the documents with their title, publication date and source",
		Long: `documents lists the processed documents by publication date (undated last): the
title, date and source each gives for itself, and where each was found (front
matter, heading, first line, dated line, dateline, source line, ...).`,
		Example: `  dossier documents
  dossier documents --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkLimit(cmd, limit); err != nil {
				return err
			}
			db, err := openExisting(cmd.Context(), g.db)
			if err != nil {
				return err
			}
			defer db.Close()
			docs, err := db.Documents(cmd.Context())
			if err != nil {
				return err
			}
			total := len(docs)
			if limit > 0 && len(docs) > limit {
				docs = docs[:limit]
			}
			if asJSON {
				return writeJSON(g.stdout, docs)
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "PUBLISHED\tPATH\tTITLE\tSOURCE\tMENTIONS")
			for _, d := range docs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", orDash(d.Published), d.Path, clip(d.Title, 70), orDash(d.Source), d.Mentions)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			moreLine(g, len(docs), total)
			return nil
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 50, "at most this many rows (0 for all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func newStatsCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "stats",
		Short:   "Show what the database holds: documents, mentions, entities, relations, failures",
		Example: `  dossier stats --db dossier.db`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := openExisting(cmd.Context(), g.db)
			if err != nil {
				return err
			}
			defer db.Close()
			s, err := db.Stats(cmd.Context())
			if err != nil {
				return err
			}
			failed, err := db.Failed(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g.stdout, struct {
					store.Stats
					Failures []store.DocInfo `json:"failures"`
				}{s, failed})
			}
			writeStats(g.stdout, g.db, s, failed)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}

func writeStats(w io.Writer, path string, s store.Stats, failed []store.DocInfo) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	size := humanSize(s.FileSize)
	if s.InputBytes > 0 {
		size += fmt.Sprintf(", %.2f times the %s of text it holds", float64(s.FileSize)/float64(s.InputBytes), humanSize(s.InputBytes))
	}
	fmt.Fprintf(tw, "database\t%s (%s)\n", path, size)
	if s.FileSize > 0 && s.FreeBytes*5 > s.FileSize {
		// After an upgrade or many replaced documents: SQLite keeps the
		// freed pages for later rows until the file is vacuumed.
		fmt.Fprintf(tw, "\t%s of it free; `sqlite3 %s vacuum` gives it back\n", humanSize(s.FreeBytes), shellQuote(path))
	}
	fmt.Fprintf(tw, "documents\t%d ok, %d failed\n", s.Documents, s.FailedDocuments)
	for i, f := range s.Folders {
		label := ""
		if i == 0 {
			label = "folders"
		}
		if f == "" {
			f = "(documents written before folders were recorded, or without one)"
		}
		fmt.Fprintf(tw, "%s\t%s\n", label, f)
	}
	fmt.Fprintf(tw, "sentences\t%d\n", s.Sentences)
	fmt.Fprintf(tw, "mentions\t%d\n", s.Mentions)
	fmt.Fprintf(tw, "entities\t%d%s\n", s.Entities, breakdown(s.EntitiesByType))
	fmt.Fprintf(tw, "relations\t%d%s\n", s.Relations, breakdown(s.RelationsByKind))
	fmt.Fprintf(tw, "metadata\t%d titled, %d dated, %d with a source (dossier documents)\n", s.Titled, s.Dated, s.Sourced)
	fmt.Fprintf(tw, "dates\t%d in sentences (dossier timeline); %d furniture sentences\n", s.Dates, s.Furniture)
	if s.Decisions > 0 {
		fmt.Fprintf(tw, "decisions\t%d merges, splits or renames (dossier entities --decisions)\n", s.Decisions)
	}
	tw.Flush()
	if len(failed) > 0 {
		fmt.Fprintln(w, "failed documents:")
		for _, d := range failed {
			fmt.Fprintf(w, "  %s: %s\n", d.Path, d.Error)
		}
	}
}

func breakdown(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// clip shortens s to at most n runes, marking the cut with an ellipsis, and
// folds line breaks so a table row stays one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// shellQuote returns s as one word of a POSIX shell command line.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@+,=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
