package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/store"
)

func newCheckCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the database: SQLite integrity, foreign keys, spans, orphan rows, alias counts",
		Long: `check runs SQLite's integrity and foreign key checks on the database, then
verifies what dossier relies on: every mention's text is the bytes of its span
and lies inside its sentence, every relation's evidence lies inside its
sentence, every sentence's text has the length of its span, no mention,
relation or alias points to a missing entity, sentence or document, and every
alias counts exactly the mentions written that way.

It prints each problem found (at most 20 per check) and exits with status 1
when there is one, 0 when the database is sound. It only reads.`,
		Example: `  dossier check --db dossier.db
  dossier check --json | jq -r '.problems[].check' | sort | uniq -c`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := openExisting(cmd.Context(), g.db)
			if err != nil {
				return err
			}
			defer db.Close()
			problems, err := db.Check(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				if problems == nil {
					problems = []store.Problem{}
				}
				if err := writeJSON(g.stdout, struct {
					Database string          `json:"database"`
					OK       bool            `json:"ok"`
					Problems []store.Problem `json:"problems"`
				}{g.db, len(problems) == 0, problems}); err != nil {
					return err
				}
			} else {
				for _, p := range problems {
					fmt.Fprintln(g.stdout, p)
				}
			}
			if len(problems) > 0 {
				failed := map[string]bool{}
				for _, p := range problems {
					failed[p.Check] = true
				}
				return &exitCodeError{code: exitError, err: fmt.Errorf("%s: %d of the checks failed", g.db, len(failed))}
			}
			if !asJSON {
				fmt.Fprintf(g.stdout, "%s: no problems found\n", g.db)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return cmd
}
