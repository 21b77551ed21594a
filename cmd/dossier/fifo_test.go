//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRunNamedPipeFolder: a named pipe given as FOLDER is refused at once
// (opening it would wait for a writer), and no database is created.
func TestRunNamedPipeFolder(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "news")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	db := filepath.Join(dir, "x.db")
	code, _, errs := cli(t, "run", fifo, "--db", db)
	if code != exitError || !strings.Contains(errs, "named pipe") || !strings.Contains(errs, "not a folder or a regular file") {
		t.Errorf("exit %d, stderr %q; want 1 and an error naming the pipe", code, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the database was created")
	}
}
