package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/store"
	"github.com/dossier-nlp/dossier/view"
)

type serveOptions struct {
	*globalOptions
	addr string
	top  int
}

func newServeCmd(g *globalOptions) *cobra.Command {
	o := &serveOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Browse the database in a local, read-only web view",
		Long: `serve starts a web server over one database, opened read-only, so a run can
keep writing to it meanwhile. Its pages: the entities (search, type filter,
most mentioned first), each entity (aliases, documents, relations with their
evidence, the entities most often named with it, every mention in its
sentence), each document (the text with every mention highlighted by type and
linked to its entity, its relations beside it), the entity network, and
full-text search over the sentences.

It listens on the loopback interface unless --addr says otherwise: the pages
show the articles' text to anyone who can reach the address. Ctrl-C stops it.`,
		Example: `  dossier serve --db seeds.db
  dossier serve --db seeds.db --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return o.run(cmd.Context()) },
	}
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port); port 0 picks a free one")
	cmd.Flags().IntVar(&o.top, "top", view.DefaultTop, "entities the graph page draws, the most mentioned (0 for all)")
	return cmd
}

func (o *serveOptions) run(ctx context.Context) error {
	if _, err := os.Stat(o.db); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("no database at %s: create one with 'dossier run FOLDER --db %s'", o.db, o.db)
	}
	db, err := store.OpenReadOnly(ctx, o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	host, _, err := net.SplitHostPort(o.addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", o.addr, err)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(o.stderr, "warning: listening on %s, beyond this machine: anyone who reaches it can read the articles\n", o.addr)
	}
	srv := view.NewServer(db)
	srv.GraphTop = o.top
	srv.ErrorLog = log.New(o.stderr, "dossier serve: ", log.LstdFlags)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ErrorLog: srv.ErrorLog}
	fmt.Fprintf(o.stdout, "serving %s read-only at http://%s/ (Ctrl-C stops)\n", o.db, ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("stop server: %w", err)
	}
	return nil
}
