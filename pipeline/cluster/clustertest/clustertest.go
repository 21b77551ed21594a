// Package clustertest starts an embedded NATS server with JetStream for
// tests of the cluster transport. It is meant for tests only.
package clustertest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Options configures the server. The zero value is a server with the
// default limits.
type Options struct {
	// MaxPayload is the server's largest message in bytes; 0 means the
	// server's default (1 MiB).
	MaxPayload int32
	// StoreDir is where JetStream keeps its files; empty means a new
	// temporary directory. A server restarted on the same directory
	// finds its streams again.
	StoreDir string
}

// StartServer starts a NATS server with JetStream on a random loopback
// port and shuts it down when the test ends. Its ClientURL is the address
// to connect to.
func StartServer(t testing.TB, o Options) *server.Server {
	t.Helper()
	dir := o.StoreDir
	if dir == "" {
		dir = t.TempDir()
	}
	s, err := server.NewServer(&server.Options{
		Host:       "127.0.0.1",
		Port:       -1,
		JetStream:  true,
		StoreDir:   dir,
		MaxPayload: o.MaxPayload,
		NoLog:      true,
		NoSigs:     true,
	})
	if err != nil {
		t.Fatalf("start NATS server: %v", err)
	}
	go s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		t.Fatal("start NATS server: not ready")
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s
}
