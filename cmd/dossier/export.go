package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func newExportCmd(g *globalOptions) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every document's entities, mentions and relations as JSON lines",
		Long: `export writes one JSON object per successfully processed document, ordered by
path: its entities (canonical name, type, aliases seen in it, mention count),
its mentions (byte offsets into the original file, text, type, entity) and its
relations (subject, predicate, object, kind, evidence span and text,
confidence). The shape is the export contract in the design guide; evaluation
tools read exactly this.`,
		Example: `  dossier export --format jsonl > out.jsonl
  dossier export -o out.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "jsonl" {
				return fmt.Errorf("unknown format %q: only jsonl is supported", format)
			}
			db, err := openExisting(cmd.Context(), g.db)
			if err != nil {
				return err
			}
			defer db.Close()
			w := g.stdout
			var f *os.File
			if out != "" && out != "-" {
				if f, err = os.Create(out); err != nil {
					return fmt.Errorf("create output: %w", err)
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			if err := db.Export(cmd.Context(), bw); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("write export: %w", err)
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return fmt.Errorf("write export: %w", err)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format (jsonl)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}
