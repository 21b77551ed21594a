package pipeline

import (
	"context"
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
// regular file to out. It follows symbolic links to files and to
// directories, but enters each real directory once, so link loops end. It
// returns when the walk is done or ctx is cancelled.
func discover(ctx context.Context, root string, m matcher, out chan<- file) error {
	info, err := os.Stat(root)
	if err != nil {
		return fmt.Errorf("stat %q: %w", root, err)
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
		case typ.IsRegular():
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
