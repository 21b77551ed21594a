package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dossier-nlp/dossier/store"
)

type showOptions struct {
	*globalOptions
	all      bool
	mentions int
	json     bool
	color    string
}

func newShowCmd(g *globalOptions) *cobra.Command {
	o := &showOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "show NAME|ID",
		Short: "Show an entity's profile: aliases, documents, relations, co-mentions, mentions in context",
		Long: `show prints everything the database holds about one entity: its canonical name
and type, its aliases with how many mentions use each, the records merged into
it and why, the documents that mention it (title, date), its typed and open
relations with their evidence, the entities most often named in the same
sentence, and its mentions in context (the mention highlighted).

NAME may be the canonical name or any alias (case and a leading "the" do not
matter; failing an exact match, a part of an alias); when several entities
match, the most mentioned is shown and the others are listed with their ids.
ID is the entity's id, as 'dossier entities' prints it.`,
		Example: `  dossier show "Vyacheslav Gladkov"
  dossier show 26 --all
  dossier show RDK --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.mentions < 0 {
				return usageErrorf(cmd, "--mentions must be 0 or more, got %d", o.mentions)
			}
			switch o.color {
			case "auto", "always", "never":
			default:
				return usageErrorf(cmd, "unknown --color %q (valid: auto, always, never)", o.color)
			}
			db, err := openExisting(cmd.Context(), o.db)
			if err != nil {
				return err
			}
			defer db.Close()
			opts := store.ProfileOptions{Mentions: o.mentions, Context: 45}
			if o.all {
				opts.Mentions, opts.Relations = -1, -1
			}
			p, err := db.Profile(cmd.Context(), args[0], opts)
			if err != nil {
				return err
			}
			if o.json {
				return writeJSON(o.stdout, p)
			}
			writeProfile(o.stdout, p, useColor(o.stdout, o.color))
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.all, "all", false, "every mention and relation, not the first ones")
	f.IntVar(&o.mentions, "mentions", 10, "mentions in context to show")
	f.BoolVar(&o.json, "json", false, "print the profile as one JSON object")
	f.StringVar(&o.color, "color", "auto", "highlight mentions: auto (in a terminal), always, never")
	return cmd
}

// useColor reports whether to highlight with terminal escapes.
func useColor(w io.Writer, mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == ""
}

// highlight marks a mention: bold reverse video in a terminal, else
// [brackets].
func highlight(s string, color bool) string {
	if color {
		return "\x1b[1;7m" + s + "\x1b[0m"
	}
	return "[" + s + "]"
}

func writeProfile(w io.Writer, p *store.Profile, color bool) {
	fmt.Fprintf(w, "%s  (%s, id %d)\n", p.Name, p.Type, p.ID)
	var aliases []string
	for _, a := range p.Aliases {
		aliases = append(aliases, fmt.Sprintf("%s (%d)", a.Alias, a.Mentions))
	}
	fmt.Fprintf(w, "aliases    %s\n", strings.Join(aliases, ", "))
	fmt.Fprintf(w, "mentions   %d in %s\n", p.TotalMentions, plural(len(p.Documents), "document"))
	for _, m := range p.Merges {
		fmt.Fprintf(w, "%-10s %q (%s; %s)\n", m.Decision, m.Name, m.Rule, m.Detail)
	}
	if len(p.Others) > 0 {
		var others []string
		for _, o := range p.Others {
			others = append(others, fmt.Sprintf("%s (%s, id %d, %s)", o.Name, o.Type, o.ID, plural(o.Mentions, "mention")))
		}
		fmt.Fprintf(w, "also named %s: dossier show ID\n", strings.Join(others, "; "))
	}

	fmt.Fprintf(w, "\ndocuments\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, d := range p.Documents {
		date := d.Published
		if date == "" {
			date = "undated"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", date, d.Path, clip(d.Title, 60), plural(d.Mentions, "mention"))
	}
	tw.Flush()

	if len(p.Relations) > 0 {
		fmt.Fprintf(w, "\nrelations\n")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, r := range p.Relations {
			subj, obj := r.Subject, r.Object
			if r.SubjectID == p.ID {
				subj = "·"
			}
			if r.ObjectID == p.ID {
				obj = "·"
			}
			fmt.Fprintf(tw, "  %s %s %s\t%s, %d docs, %.2f\t%q  (%s)\n", subj, r.Predicate, obj, r.Kind, r.Docs, r.Confidence,
				clip(r.Evidence, 80), r.EvidenceDoc)
		}
		tw.Flush()
		if p.MoreRelations > 0 {
			fmt.Fprintf(w, "  … %d more (--all)\n", p.MoreRelations)
		}
	}

	if len(p.CoMentioned) > 0 {
		var co []string
		for _, c := range p.CoMentioned {
			co = append(co, fmt.Sprintf("%s (%d)", c.Name, c.Sentences))
		}
		fmt.Fprintf(w, "\nnamed with  %s\n", strings.Join(co, ", "))
	}

	fmt.Fprintf(w, "\nmentions in context\n")
	width, locWidth := 0, 0
	for _, m := range p.Mentions {
		width = max(width, utf8.RuneCountInString(m.Before))
		locWidth = max(locWidth, utf8.RuneCountInString(fmt.Sprintf("%s:%d", m.Doc, m.Sentence)))
	}
	for _, m := range p.Mentions {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(m.Before))
		mark := ""
		if m.Furniture {
			mark = "  (furniture)"
		}
		loc := fmt.Sprintf("%s:%d", m.Doc, m.Sentence)
		loc += strings.Repeat(" ", locWidth-utf8.RuneCountInString(loc))
		fmt.Fprintf(w, "  %s  %s%s%s%s%s\n", loc, pad, m.Before, highlight(m.Text, color), m.After, mark)
	}
	if n := p.TotalMentions - len(p.Mentions); n > 0 {
		fmt.Fprintf(w, "  … %d more (--all)\n", n)
	}
}

// plural formats "1 mention", "2 mentions".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
