package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-nlp/dossier/pipeline/cluster/clustertest"
)

// startProcess starts the test binary as dossier with args. The function
// it returns counts the lines of its stderr so far that contain a string.
func startProcess(t *testing.T, args ...string) (*exec.Cmd, func(string) int, <-chan error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DOSSIER_TEST_AS_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var lines []string
	count := func(sub string) int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, l := range lines {
			if strings.Contains(l, sub) {
				n++
			}
		}
		return n
	}
	done := make(chan error, 1)
	finished := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			mu.Lock()
			lines = append(lines, sc.Text())
			mu.Unlock()
		}
		io.Copy(io.Discard, stderr)
		done <- cmd.Wait()
		close(finished)
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGKILL)
		<-finished
	})
	return cmd, count, done
}

// TestClusterKills runs a few hundred articles through an embedded NATS
// server and two worker processes; one worker and the coordinator are
// killed with SIGKILL mid-run, and the coordinator is run again. The
// database ends as an uninterrupted local run leaves it.
func TestClusterKills(t *testing.T) {
	const files = 300
	dir := reports(t, files, 10)
	local := filepath.Join(t.TempDir(), "local.db")
	if code, _, errs := cli(t, "run", dir, "--db", local, "--quiet"); code != 0 {
		t.Fatalf("local run: %s", errs)
	}

	srv := clustertest.StartServer(t, clustertest.Options{})
	url := srv.ClientURL()
	worker := []string{"worker", "--nats", url, "--workers", "1", "--ack-wait", "1s", "-v"}
	doomed, doomedLines, doomedExit := startProcess(t, worker...)
	_, keptLines, keptExit := startProcess(t, worker...)
	// Both workers are ready before the run starts, so both get work.
	for doomedLines("pulling from") == 0 || keptLines("pulling from") == 0 {
		select {
		case err := <-doomedExit:
			t.Fatalf("a worker ended at start: %v", err)
		case err := <-keptExit:
			t.Fatalf("a worker ended at start: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}

	db := filepath.Join(t.TempDir(), "cluster.db")
	coord, _, coordExit := startProcess(t, "run", dir, "--db", db, "--nats", url, "--workers", "8", "--quiet")
	// Kill one worker once both are busy, and the coordinator once some
	// documents are committed.
	for doomedLines("extracted ") < 20 || keptLines("extracted ") < 20 {
		select {
		case err := <-coordExit:
			t.Fatalf("the coordinator ended before the kills: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	doomed.Process.Signal(syscall.SIGKILL)
	<-doomedExit
	for countRows(db, "documents") < 100 {
		select {
		case err := <-coordExit:
			t.Fatalf("the coordinator ended before it could be killed: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	coord.Process.Signal(syscall.SIGKILL)
	<-coordExit
	partial := countRows(db, "documents")
	if partial >= files {
		t.Fatalf("the killed coordinator had written all %d documents", partial)
	}

	code, out, errs := cli(t, "run", dir, "--db", db, "--nats", url, "--quiet")
	if code != 0 {
		t.Fatalf("re-run: exit %d: %s%s", code, out, errs)
	}
	if !strings.Contains(out, fmt.Sprintf("%d unchanged", partial)) || !strings.Contains(out, fmt.Sprintf("(of %d files)", files)) {
		t.Errorf("re-run should skip the %d documents already written:\n%s", partial, out)
	}
	for _, table := range []string{"documents", "sentences", "entities", "aliases", "mentions", "relations", "sentences_fts"} {
		if a, b := countRows(db, table), countRows(local, table); a != b {
			t.Errorf("%s: %d rows after the cluster runs, %d after a local run", table, a, b)
		}
	}
	_, exp1, _ := cli(t, "export", "--db", db)
	_, exp2, _ := cli(t, "export", "--db", local)
	if exp1 != exp2 {
		t.Error("export after the cluster runs differs from a local run's")
	}
}

// TestWorkerFlags: a worker needs a server.
func TestWorkerFlags(t *testing.T) {
	code, _, errs := cli(t, "worker")
	if code != exitError || !strings.Contains(errs, `"nats" not set`) {
		t.Errorf("worker without --nats: exit %d, %q", code, errs)
	}
	code, _, errs = cli(t, "worker", "--nats", "nats://127.0.0.1:1")
	if code != exitError || !strings.Contains(errs, "connect to NATS") {
		t.Errorf("worker with no server: exit %d, %q", code, errs)
	}
}
