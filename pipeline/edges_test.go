//go:build unix

package pipeline

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dossier-nlp/dossier/store/storetest"
)

// TestRunSpecialFiles: named pipes and sockets are never opened. Among the
// files they are recorded as failed; given as the root they are an error.
// Opening a pipe would block the run until a writer came.
func TestRunSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Vyacheslav Gladkov spoke in Belgorod."), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "sock.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := os.Symlink("pipe.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}

	db := openDB(t)
	s := run(t, context.Background(), dir, db, Options{})
	if s.Processed != 1 || s.Failed != 3 {
		t.Errorf("%d processed, %d failed; want 1 and 3 (%+v)", s.Processed, s.Failed, s.Failures)
	}
	for _, f := range s.Failures {
		if !strings.Contains(f.Reason, ErrNotRegular.Error()) {
			t.Errorf("%s: %s, want %q", f.Path, f.Reason, ErrNotRegular)
		}
	}
	storetest.Check(t, db)

	for _, root := range []string{fifo, filepath.Join(dir, "sock.txt"), filepath.Join(dir, "link.txt")} {
		_, err := Run(context.Background(), root, db, extractor(t), Options{})
		if err == nil || !strings.Contains(err.Error(), "not a folder or a regular file") {
			t.Errorf("Run(%s): %v, want an error saying it is not a folder or a regular file", filepath.Base(root), err)
		}
		if err := CheckRoot(root); err == nil {
			t.Errorf("CheckRoot(%s) accepts it", filepath.Base(root))
		}
	}
	if _, err := readDocument(fifo, DefaultMaxSize); !errors.Is(err, ErrNotRegular) {
		t.Errorf("readDocument(pipe): %v, want ErrNotRegular", err)
	}
	for _, ok := range []string{dir, filepath.Join(dir, "a.txt")} {
		if err := CheckRoot(ok); err != nil {
			t.Errorf("CheckRoot(%s): %v", ok, err)
		}
	}
}
