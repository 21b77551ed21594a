package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-nlp/dossier/pipeline"
	"github.com/dossier-nlp/dossier/pipeline/cluster"
)

type workerOptions struct {
	*globalOptions
	nats     string
	workers  int
	ackWait  time.Duration
	model    string
	entities string
	verbose  bool
}

func newWorkerCmd(g *globalOptions) *cobra.Command {
	o := &workerOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "worker --nats URL",
		Short: "Extract documents for 'dossier run --nats' coordinators, on this machine",
		Long: `worker connects to a NATS server with JetStream, pulls the documents that
'dossier run FOLDER --nats URL' coordinators publish (of any run), extracts them
and publishes the results; the coordinator writes them into its database. Start
as many workers as you like, on as many machines.

A document is acknowledged only once its result is stored on the server: a
worker that is killed loses nothing, its documents go to another worker after
--ack-wait. SIGTERM or Ctrl-C finishes the documents in hand, then exits.

A worker must extract exactly as the run would: start it with the run's --model
and --entities. It refuses documents made for another extractor version, says
so here and to the coordinator, and leaves them for a worker that matches.

Exit status: 0 when stopped by a signal, 1 on any error (a lost server).`,
		Example: `  dossier worker --nats nats://queue.example.org:4222
  dossier worker --nats nats://10.0.0.5:4222 --workers 8 --entities weapons.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return o.run(cmd.Context())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.nats, "nats", "", "NATS server URL (required), e.g. nats://host:4222")
	f.IntVar(&o.workers, "workers", 0, "documents extracted at once (default: number of CPUs)")
	f.DurationVar(&o.ackWait, "ack-wait", cluster.DefaultAckWait, "how long a document held by a silent worker waits before another worker gets it")
	f.StringVar(&o.model, "model", "", "entity tagger model file, as given to the run")
	f.StringVar(&o.entities, "entities", "", "list of names to tag, as given to the run")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print a line per document extracted")
	cmd.MarkFlagRequired("nats")
	return cmd
}

func (o *workerOptions) run(ctx context.Context) error {
	x, err := newExtractor(o.model, o.entities)
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	nc, err := cluster.Connect(o.nats, fmt.Sprintf("dossier worker %s/%d", host, os.Getpid()), 0)
	if err != nil {
		return err
	}
	defer nc.Close()
	wopts := cluster.WorkerOptions{Workers: o.workers, AckWait: o.ackWait, Log: o.stderr}
	if o.verbose {
		wopts.OnDone = func(run, path string) {
			fmt.Fprintf(o.stderr, "dossier worker: run %s: extracted %s\n", run, path)
		}
	}
	w, err := cluster.NewWorker(ctx, nc, x, wopts)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.stderr, "dossier worker: extractor %s; pulling from %s on %s\n", w.Version(), cluster.DocsStream, o.nats)
	err = w.Run(ctx)
	fmt.Fprintf(o.stderr, "dossier worker: %d documents extracted\n", w.Extracted())
	return err
}

// remoteStage connects a run of folder into the database at dbPath to the
// NATS server at url and returns the run's remote extraction stage and
// what closes it.
func remoteStage(ctx context.Context, url, dbPath, folder string, stderr io.Writer) (pipeline.Remote, func(), error) {
	run, err := cluster.RunID(dbPath, folder)
	if err != nil {
		return nil, nil, err
	}
	host, _ := os.Hostname()
	nc, err := cluster.Connect(url, fmt.Sprintf("dossier run %s/%d %s", host, os.Getpid(), filepath.Base(folder)), 0)
	if err != nil {
		return nil, nil, err
	}
	var mu sync.Mutex
	told := map[string]bool{}
	c, err := cluster.NewCoordinator(ctx, nc, cluster.CoordinatorOptions{
		Run: run,
		OnRefused: func(r cluster.Refusal) {
			mu.Lock()
			defer mu.Unlock()
			if !told[r.Worker+"\x00"+r.WorkerVersion] {
				told[r.Worker+"\x00"+r.WorkerVersion] = true
				fmt.Fprintf(stderr, "dossier: %s\n", r)
			}
		},
	})
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return c, func() { c.Close(); nc.Close() }, nil
}
