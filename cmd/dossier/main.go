// Command dossier turns folders of news articles into a SQLite record of
// the people, places and organisations they mention and how they relate.
//
// Run "dossier --help" for the commands, or see the README.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	exitOK          = 0
	exitError       = 1   // the command failed
	exitFilesFailed = 2   // run finished, but some files were rejected
	exitInterrupted = 130 // run stopped by Ctrl-C; a re-run continues
)

func main() {
	ctx, stop := signalContext()
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// signalContext returns a context cancelled by the first SIGINT or SIGTERM.
// A second signal exits at once: SQLite rolls back the open transaction,
// so the database stays consistent.
func signalContext() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		fmt.Fprintln(os.Stderr, "\nstopping: finishing the documents in flight (press Ctrl-C again to abort now)")
		cancel()
		<-ch
		fmt.Fprintln(os.Stderr, "aborted: the database keeps every document committed so far")
		os.Exit(exitInterrupted)
	}()
	return ctx, func() { signal.Stop(ch); cancel() }
}

// exitError carries a specific exit status out of a command.
type exitCodeError struct {
	code int
	err  error
}

func (e *exitCodeError) Error() string { return e.err.Error() }
func (e *exitCodeError) Unwrap() error { return e.err }

// run executes the dossier command line args with the given streams and
// returns the process exit status. Tests call it in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ce *exitCodeError
	if errors.As(err, &ce) {
		if ce.err != nil {
			fmt.Fprintln(stderr, "dossier:", ce.err)
		}
		return ce.code
	}
	fmt.Fprintln(stderr, "dossier:", err)
	return exitError
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	db     string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globalOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Turn folders of news articles into a queryable record of who and what they mention",
		Long: `dossier reads folders of articles, finds the people, places and organisations they
mention, resolves spellings and acronyms of one entity to one record, extracts the
relations between them, and writes everything, with byte offsets and evidence,
into one SQLite file that you can query with dossier itself or the sqlite3 shell.`,
		Example: `  dossier run ./articles --db dossier.db
  dossier entities --type PERSON
  dossier relations --entity Gladkov
  sqlite3 dossier.db 'select name, type, docs, mentions from entity_stats order by mentions desc limit 20'`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	def := os.Getenv("DOSSIER_DB")
	if def == "" {
		def = "dossier.db"
	}
	root.PersistentFlags().StringVar(&g.db, "db", def, "SQLite database file; $DOSSIER_DB sets the default")
	root.AddCommand(
		newRunCmd(g),
		newEntitiesCmd(g),
		newRelationsCmd(g),
		newSearchCmd(g),
		newStatsCmd(g),
		newExportCmd(g),
		newEvalCmd(g),
		newTrainCmd(g),
		newWorkerCmd(g),
	)
	return root
}
