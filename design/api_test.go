package design

import (
	"strings"
	"testing"
)

func TestCallAt(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"reserveSeat(eventId, seatId) holds a seat for ten minutes", "reserveSeat"},
		{"`cancel_booking(booking_id)` releases the seat", "cancel_booking"},
		{"listEvents()", "listEvents"},
		{"rpc Publish(PublishRequest) returns (PublishReply)", "Publish"},
		{"put(key, value, ttl)", "put"},
		{"**getQuote(symbol)**: the last traded price", "getQuote"},

		{"Redis(cache) in front of the catalogue", ""},
		{"MySQL(primary) and two replicas", ""},
		{"Kafka (orders, payments)", ""},
		{"The scheduler (a cron job) runs hourly", ""},
		{"f(x) grows linearly", ""},
		{"retry(with backoff)", ""},
	} {
		got, ok := callAt(c.text)
		if got != c.name || ok != (c.name != "") {
			t.Errorf("callAt(%q) = %q, %v; want %q", c.text, got, ok, c.name)
		}
	}
}

// Operations written as calls or as gRPC methods are the document's API,
// wherever they stand; a lone call may be any function.
func TestAPIFromCalls(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		want      []string // METHOD path of each operation read
	}{
		{"a list of calls under another heading", `# Tickets

## Storage

- reserveSeat(eventId, seatId)
- confirmBooking(reservationId, paymentToken)
- listEvents()
`, []string{"RPC reserveSeat", "RPC confirmBooking", "RPC listEvents"}},
		{"a gRPC service", "# Feed\n\n## Design\n\n```proto\nservice Feed {\n  rpc GetFeed(GetFeedRequest) returns (GetFeedResponse);\n  rpc Post(PostRequest) returns (stream PostEvent);\n}\n```\n",
			[]string{"RPC GetFeed", "RPC Post"}},
		{"an API section of calls", `# Paste

## API

- createPaste(apiKey, text, expiry): pasteKey
- getPaste(pasteKey): text
`, []string{"RPC createPaste", "RPC getPaste"}},
		{"one call in passing", `# Tickets

## Design

- computeScore(distance, rating) weighs each courier

Couriers are ranked by score.
`, nil},
		{"products and their roles", `# Tickets

## Design

- Redis(cache)
- MySQL(primary)
`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("doc.md", []byte(c.doc), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.API {
				got = append(got, e.Method+" "+e.Path)
			}
			if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
				t.Errorf("API %q, want %q", got, c.want)
			}
		})
	}
}
