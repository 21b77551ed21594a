package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultInclude is the set of file name patterns processed when
// Options.Include is empty.
var DefaultInclude = []string{"*.txt", "*.md"}

// file is one file found by discovery.
type file struct {
	seq  int    // position in discovery order
	abs  string // path to open
	rel  string // path relative to the root, slash-separated: the document's name
	size int64
	dir  bool  // an unreadable directory, reported but not stored
	err  error // a problem found while discovering
}

// matcher decides which files discovery keeps. A pattern without a slash is
// matched against the base name, one with a slash against the whole
// slash-separated relative path (path.Match syntax).
type matcher struct {
	include, exclude []string
}

func newMatcher(include, exclude []string) (matcher, error) {
	if len(include) == 0 {
		include = DefaultInclude
	}
	for _, p := range append(append([]string{}, include...), exclude...) {
		if _, err := path.Match(p, ""); err != nil {
			return matcher{}, fmt.Errorf("bad pattern %q: %w", p, err)
		}
	}
	return matcher{include: include, exclude: exclude}, nil
}

func matchAny(patterns []string, rel string) bool {
	base := path.Base(rel)
	for _, p := range patterns {
		subject := base
		if strings.Contains(p, "/") {
			subject = rel
		}
		if ok, _ := path.Match(p, subject); ok {
			return true
		}
	}
	return false
}

func (m matcher) keepFile(rel string) bool {
	return matchAny(m.include, rel) && !matchAny(m.exclude, rel)
}

func (m matcher) keepDir(rel string) bool {
	if strings.HasPrefix(path.Base(rel), ".") && rel != "." {
		return false
	}
	return !matchAny(m.exclude, rel)
}

// discover walks root recursively in lexical order and sends every matching
// regular file to out; a matching named pipe, socket or device is sent with
// ErrNotRegular, to be recorded as failed without being opened. A root that
// is neither a folder nor a regular file is an error. It follows symbolic links to files and to
// directories, but enters each real directory once, so link loops end. It
// returns when the walk is done or ctx is cancelled.
func discover(ctx context.Context, root string, m matcher, out chan<- file) error {
	info, err := statRoot(root)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		select {
		case out <- file{abs: root, rel: filepath.Base(root), size: info.Size()}:
		case <-ctx.Done():
		}
		return nil
	}
	w := walker{ctx: ctx, m: m, out: out, seen: make(map[string]bool)}
	w.walk(root, ".")
	return nil
}

type walker struct {
	ctx  context.Context
	m    matcher
	out  chan<- file
	seen map[string]bool // real paths of directories entered
	seq  int
}

func (w *walker) emit(f file) bool {
	f.seq = w.seq
	w.seq++
	select {
	case w.out <- f:
		return true
	case <-w.ctx.Done():
		return false
	}
}

// walk visits directory dir (named rel relative to the root). It returns
// false when discovery must stop.
func (w *walker) walk(dir, rel string) bool {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = dir
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if w.seen[real] {
		return true
	}
	w.seen[real] = true

	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return w.emit(file{abs: dir, rel: rel, dir: true, err: fmt.Errorf("read directory: %w", err)})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return false
		}
		abs := filepath.Join(dir, e.Name())
		erel := path.Join(rel, e.Name())
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			info, err := os.Stat(abs)
			if err != nil {
				// A broken link that looks like a document is reported.
				if w.m.keepFile(erel) && !w.emit(file{abs: abs, rel: erel, err: fmt.Errorf("broken symbolic link: %w", err)}) {
					return false
				}
				continue
			}
			typ = info.Mode().Type()
		}
		switch {
		case typ.IsDir():
			if w.m.keepDir(erel) && !w.walk(abs, erel) {
				return false
			}
		case !typ.IsRegular():
			// Never opened: a named pipe would block, a device never end.
			if w.m.keepFile(erel) && !w.emit(file{abs: abs, rel: erel, err: fmt.Errorf("%w: %s", ErrNotRegular, modeKind(typ))}) {
				return false
			}
		default:
			if !w.m.keepFile(erel) {
				continue
			}
			var size int64
			if info, err := os.Stat(abs); err == nil {
				size = info.Size()
			}
			if !w.emit(file{abs: abs, rel: erel, size: size}) {
				return false
			}
		}
	}
	return true
}

// ErrNotRegular is the reason recorded for a named pipe, socket or device
// found among the files: such files are never opened (reading a named pipe
// waits for a writer; a device may never end).
var ErrNotRegular = errors.New("not a regular file")

// CheckRoot reports why root cannot be given to Run, or nil: it must be a
// folder or a regular file (symbolic links followed). A named pipe, socket
// or device is refused without being opened, so a mistaken argument fails
// at once instead of waiting for a writer.
func CheckRoot(root string) error {
	_, err := statRoot(root)
	return err
}

func statRoot(root string) (fs.FileInfo, error) {
	info, err := os.Stat(root)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is said once, here
		}
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	if m := info.Mode(); !m.IsDir() && !m.IsRegular() {
		return nil, fmt.Errorf("%s: a %s, not a folder or a regular file", root, modeKind(m))
	}
	return info, nil
}

// modeKind names the type of a file that is neither a folder nor a regular
// file.
func modeKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeCharDevice != 0:
		return "character device"
	case mode&fs.ModeDevice != 0:
		return "device"
	case mode&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}
