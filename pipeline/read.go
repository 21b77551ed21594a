package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/dossier-nlp/dossier/extract"
)

// DefaultMaxSize is the largest file read when Options.MaxSize is zero.
const DefaultMaxSize = 16 << 20

// Reasons a file is not processed. The error recorded for a file wraps one
// of these, so callers can test it with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrTooLarge    = errors.New("file too large")
	ErrBinary      = errors.New("binary file")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
)

// readDocument reads the file at name and checks that it is text: a
// regular file (never a named pipe, socket or device), not empty, at most maxSize bytes, no NUL byte, valid UTF-8. A leading UTF-8
// byte order mark is kept in the returned bytes (offsets stay offsets into
// the file); the extractor reads it as white space.
func readDocument(name string, maxSize int64) ([]byte, error) {
	// Look before opening: opening a named pipe waits for a writer.
	if info, err := os.Stat(name); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s", ErrNotRegular, modeKind(info.Mode()))
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open: %w", unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("stat: %w", unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s", ErrNotRegular, modeKind(info.Mode()))
	}
	if info.Size() > maxSize {
		return nil, fmt.Errorf("%w: %s, over the %s limit (--max-size)", ErrTooLarge, humanBytes(info.Size()), humanBytes(maxSize))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", unwrapPath(err))
	}
	if int64(len(data)) > maxSize {
		return nil, fmt.Errorf("%w: more than the %s limit (--max-size)", ErrTooLarge, humanBytes(maxSize))
	}
	if err := checkText(data); err != nil {
		return nil, err
	}
	return data, nil
}

// checkText reports why data is not a text document, or nil.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))) == 0 {
		if len(data) == 0 {
			return ErrEmpty
		}
		return fmt.Errorf("%w: only white space", ErrEmpty)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%w at byte offset %d", ErrInvalidUTF8, invalidAt(data))
	}
	return nil
}

// invalidAt returns the offset of the first byte that is not valid UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// unwrapPath drops the path from an *os.PathError: the document's path is
// recorded beside the reason already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// humanBytes formats n as "12.3 MiB".
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// markdownExts are the file name extensions read as Markdown.
var markdownExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true}

// ExtractFile extracts a document's text as its format asks: Markdown
// files as Markdown (extract.ExtractMarkdown), everything else as plain
// text.
func ExtractFile(x *extract.Extractor, name, text string) *extract.Result {
	if markdownExts[strings.ToLower(filepath.Ext(name))] {
		return x.ExtractMarkdown(text)
	}
	return x.Extract(text)
}
