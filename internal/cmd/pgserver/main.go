// Command pgserver starts a throwaway PostgreSQL server for trying the PostgreSQL index or
// running its tests by hand: a cluster made by initdb in a temporary directory, on a free
// port of 127.0.0.1, removed when pgserver ends (Ctrl-C, or SIGTERM). It needs the server
// binaries of Debian's postgresql package, nothing else (as root, the server runs as the
// postgres user).
//
// Usage:
//
//	go run ./internal/cmd/pgserver [-db NAME] [-durable]
//
// It prints the database's URL, then waits:
//
//	postgres://leitmotif:leitmotif@127.0.0.1:PORT/NAME?sslmode=disable
//
// which `motif index build|add|info|search` takes as INDEX. The package tests start servers
// of their own the same way (internal/pgtest), whether pgserver runs or not.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/leitmotif-audio/leitmotif/internal/pgtest"
)

func main() {
	db := flag.String("db", "leitmotif", "the database to create")
	durable := flag.Bool("durable", false, "keep fsync and synchronous commit on (for measuring load rates)")
	flag.Parse()
	srv, err := pgtest.Start(pgtest.Options{Durable: *durable})
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgserver:", err)
		os.Exit(1)
	}
	url, err := srv.CreateDatabase(context.Background(), *db)
	if err != nil {
		srv.Remove()
		fmt.Fprintln(os.Stderr, "pgserver:", err)
		os.Exit(1)
	}
	fmt.Println(url)
	fmt.Fprintf(os.Stderr, "pgserver: cluster in %s; Ctrl-C stops and removes it\n", srv.Dir)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	if err := srv.Remove(); err != nil {
		fmt.Fprintln(os.Stderr, "pgserver:", err)
		os.Exit(1)
	}
}
