package design

import (
	"fmt"
	"strings"
	"testing"
)

// TestMentionsIn pins what a sentence names: each want is "name/kind/tech",
// with "~" after a generic store named only by its kind.
func TestMentionsIn(t *testing.T) {
	tests := []struct {
		text     string
		generics bool
		want     []string
	}{
		// A product in an affirmed sentence is a component.
		{"We use Redis for sessions.", false, []string{"Redis/cache/Redis"}},
		{"Thumbnails are stored in S3 and served through CloudFront.", false, []string{"S3/object_store/S3", "CloudFront/cdn/CloudFront"}},
		{"Order events are published to Apache Kafka.", false, []string{"Kafka/queue/Kafka"}},
		// The store a product is used as names it.
		{"RabbitMQ was picked for the job queue because it is simple to run.", false, []string{"job queue/queue/RabbitMQ"}},
		{"We run MariaDB for the catalogue store.", false, []string{"catalogue store/database/MariaDB"}},
		{"Session Table uses DynamoDB, keyed by token.", false, []string{"Session Table/database/DynamoDB"}},
		{"The Ledger DB is stored in CockroachDB.", false, []string{"Ledger DB/database/CockroachDB"}},
		// A store's name labels its product.
		{"Session cache: Memcached", false, []string{"Session cache/cache/Memcached"}},
		{"Job queue - Amazon SQS, one queue per tenant", false, []string{"Job queue/queue/SQS"}},
		{"Our stack: Redis for sessions", false, []string{"Redis/cache/Redis"}},
		{"Database: PostgreSQL", false, []string{"Database/database/~"}},
		{"Older chunks come from the chunk cache (Memcached) first.", false, []string{"chunk cache/cache/Memcached"}},
		// Examples of a store: the store is the component.
		{"Invoices go to a blob store such as S3.", false, []string{"blob store/object_store/S3"}},
		{"Profiles live in a document database like MongoDB.", false, []string{"document database/database/MongoDB"}},
		{"A wide-column store such as Cassandra, HBase or Bigtable fits the write load.", false, []string{"wide-column store/database/"}},
		// Choices not yet made: one store of the kind, product open.
		{"A cache in front of the API can be Redis or Memcached.", true, []string{"Cache/cache/~"}},
		{"Either a relational database such as MySQL or a key-value store such as DynamoDB would do.", false, []string{"Database/database/~"}},
		// Set aside: not the design's.
		{"We chose PostgreSQL over MySQL.", false, []string{"PostgreSQL/database/PostgreSQL"}},
		{"Unlike Cassandra, the store needs no repair jobs.", false, nil},
		{"We are not tied to a columnar store like HBase.", false, nil},
		{"We should also consider moving cold data to a NoSQL database.", true, nil},
		{"If we decide to use a hosted SQL database, Amazon RDS would do.", false, nil},
		{"Instead of Kafka we keep the jobs in the database.", false, nil},
		// Libraries and glued words are not components.
		{"The worker uses redis-py and the Kafka client library.", false, nil},
		// Stores named by their kind count in architecture prose when
		// data moves in or out.
		{"The uploader puts each chunk id in the message queue.", true, []string{"message queue/queue/~"}},
		{"The transcoder reads the raw file from object storage.", true, []string{"object storage/object_store/~"}},
		{"It then writes the result to the DB.", true, []string{"DB/database/~"}},
		{"It then writes the result to the DB.", false, nil},
		{"A cache miss falls back to the database schema.", true, nil},
		// Proper names count anywhere.
		{"Locations are saved in VideoDB as well.", false, []string{"VideoDB/database/"}},
		{"Look-ups go to the Metadata DB first.", false, []string{"Metadata DB/database/"}},
		{"Each row of the users table has an id.", true, nil},
		// Not the design's boxes: a client's cache, a data structure, a
		// trend.
		{"Thumbnails are kept in the browser cache for a day.", true, nil},
		{"The crawler pushes each URL onto a priority queue.", true, nil},
		{"Trending topics are written every minute.", true, nil},
		// A store that is a shop.
		{"Shoppers read reviews of the store before they buy.", true, nil},
		{"The mobile app is published on the App Store.", true, nil},
		{"Orders from the online store are written to the Orders DB.", true, []string{"Orders DB/database/"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range mentionsIn(tt.text, tt.generics) {
			tech := m.tech
			if m.generic {
				tech = "~"
			}
			got = append(got, fmt.Sprintf("%s/%s/%s", m.name, m.kind, tech))
			if tt.text[m.start:m.end] == "" {
				t.Errorf("%q: empty span for %s", tt.text, m.name)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("mentionsIn(%q, %v)\n got  %q\n want %q", tt.text, tt.generics, got, tt.want)
		}
	}
}

func TestComponentKey(t *testing.T) {
	same := [][]string{
		{"Videos DB", "VideoDB", "video database", "the Video DB"},
		{"Web Server", "Web Servers", "web service"},
		{"Rules DB", "Rules Database"},
		{"Redis", "Redis cache", "Redis cluster", "redis"},
		{"Object storage", "object store"},
		{"Kafka", "Kafka topic"},
		{"Postgres", "PostgreSQL"},
	}
	for _, names := range same {
		for _, n := range names[1:] {
			if componentKey(n) != componentKey(names[0]) {
				t.Errorf("componentKey(%q) = %q, componentKey(%q) = %q: want the same", n, componentKey(n), names[0], componentKey(names[0]))
			}
		}
	}
	different := [][2]string{
		{"Search Service", "Search cluster"},
		{"Orders DB", "Orders cache"},
		{"Redis", "Memcached"},
		{"Message queue", "Message service"},
	}
	for _, p := range different {
		if componentKey(p[0]) == componentKey(p[1]) {
			t.Errorf("componentKey(%q) = componentKey(%q) = %q: want them apart", p[0], p[1], componentKey(p[0]))
		}
	}
}
