// Package cluster carries a run's documents to extraction workers on other
// machines and their results back, through NATS JetStream. The stages stay
// in package pipeline: a Coordinator is the pipeline.Remote of a run (it
// publishes each document and waits for its result), and a Worker is the
// extraction stage of any number of runs, on any machine.
//
// # Names on the server
//
// Everything is created on first use by whichever side comes first:
//
//	stream DOSSIER_DOCS      subjects dossier.docs.<run>, work-queue retention:
//	                         one message per document to extract
//	consumer dossier-workers durable pull consumer of DOSSIER_DOCS shared by
//	                         every worker (filter dossier.docs.>, explicit ack)
//	stream DOSSIER_RESULTS   subjects dossier.results.<run>, work-queue retention:
//	                         one message per extraction result
//	consumer dossier-coordinator-<run>
//	                         durable pull consumer of DOSSIER_RESULTS for one run
//	                         (filter dossier.results.<run>)
//	object store dossier-blobs
//	                         documents and results larger than the server's
//	                         max payload, named <run>/<message id>.doc|.result
//	subject dossier.refused.<run>
//	                         plain NATS notices from workers that refused a
//	                         document made for another extractor version
//
// <run> is a run id: by default a hash of the host name, the database's
// absolute path and the folder's, so two runs into different databases
// share one server without seeing each other's documents, and a re-run of
// the same command finds what the previous one left. Two coordinators for
// one database and folder at once are not supported (as with two local
// runs into one database).
//
// # Guarantees
//
// A worker acknowledges a document only after JetStream has acknowledged
// its result, so a worker that dies is replaced: after the consumer's
// AckWait the document goes to another worker (at least once). Results are
// keyed by document path, sha256 and extractor version; the coordinator
// takes the first result for a document and drops any later copy, and
// JetStream drops a result published twice within its duplicate window
// (Nats-Msg-Id), so every document is written once. A coordinator that is
// killed and re-run purges the documents the killed run left queued,
// publishes again what the database does not hold, and uses any result
// left in the result stream whose path, sha256 and version match.
package cluster
