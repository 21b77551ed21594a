package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/store"
)

// isoPrefix matches the dates --from and --to take.
var isoPrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func newTimelineCmd(g *globalOptions) *cobra.Command {
	var f store.TimelineFilter
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "List dated sentences and documents in date order, with the entities in each",
		Long: `timeline lists the sentences that name a date ("on May 22", "Wednesday",
"May 31, 2023") and the documents' publication dates, in date order, each with
the entities it names. A date without a year takes the year of the document's
publication date or, failing that, of the document's other full dates; one
that cannot be told is shown as --MM-DD and sorts before the dated ones. The
RESOLVED column says which. Page furniture (captions, credits) is left out
unless --furniture.`,
		Example: `  dossier timeline --entity Gladkov
  dossier timeline --entity 26 --from 2023-05-22 --to 2023-05-24
  dossier timeline --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkLimit(cmd, f.Limit); err != nil {
				return err
			}
			for _, d := range []struct{ flag, value string }{{"--from", f.From}, {"--to", f.To}} {
				if d.value != "" && !isoPrefix.MatchString(d.value) {
					return usageErrorf(cmd, "%s %q is not a date: want 2023, 2023-05 or 2023-05-22", d.flag, d.value)
				}
			}
			db, err := openExisting(cmd.Context(), g.db)
			if err != nil {
				return err
			}
			defer db.Close()
			entries, total, err := db.Timeline(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(g.stdout, entries)
			}
			for _, e := range entries {
				date := e.Date
				if e.EndDate != "" {
					date += ".." + e.EndDate
				}
				where := fmt.Sprintf("%s:%d", e.Doc, e.Sentence)
				text := e.Text
				if e.Sentence < 0 {
					where, text = e.Doc, "published: "+e.Title
				}
				fmt.Fprintf(g.stdout, "%-10s  %-18s  %s  %s\n", date, e.Resolved, where, clip(text, 110))
				if len(e.Entities) > 0 {
					fmt.Fprintf(g.stdout, "%-10s  %-18s  entities: %s\n", "", "", strings.Join(e.Entities, "; "))
				}
			}
			if len(entries) == 0 {
				fmt.Fprintln(g.stderr, "no dated sentence")
			}
			moreLine(g, len(entries), total)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.Entity, "entity", "", "only sentences and documents that mention this entity (name, alias or id)")
	fl.StringVar(&f.From, "from", "", "only dates on or after this (2023-05, 2023-05-22)")
	fl.StringVar(&f.To, "to", "", "only dates on or before this (2023-05, 2023-05-24)")
	fl.BoolVar(&f.Furniture, "furniture", false, "include page furniture (captions, credits, links)")
	fl.IntVar(&f.Limit, "limit", 50, "at most this many rows (0 for all)")
	fl.BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}
