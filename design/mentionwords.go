package design

// The words the reader of components in sentences (mentions.go) knows:
// what names a store, what sets a name aside or only weighs it, what
// moves data in or out of a store, and what stands around a name without
// being part of it.

// setAside are the words that, a few words before a name in its clause,
// say the design does not use it, or only weighs it.
var setAside = map[string]bool{
	"not": true, "no": true, "never": true, "without": true, "instead": true, "rather": true, "than": true,
	"unlike": true, "avoid": true, "avoids": true, "avoided": true, "avoiding": true, "vs": true, "versus": true,
	"over": true, "consider": true, "considered": true, "considering": true, "alternative": true,
	"alternatives": true, "alternatively": true, "whether": true, "compared": true, "compare": true,
	"replace": true, "replaced": true, "replacing": true, "rejected": true, "reject": true, "nor": true,
	"neither": true, "either": true, "don't": true, "doesn't": true, "isn't": true, "aren't": true, "wasn't": true,
	"won't": true, "dropped": true,
}

// choiceVerbs after "if" make what follows a choice not made: "if we
// decide to use an SQL database".
var choiceVerbs = map[string]bool{
	"decide": true, "decided": true, "choose": true, "chose": true, "want": true, "wanted": true, "opt": true,
	"prefer": true, "switch": true, "were": true, "had": true, "go": true, "pick": true, "need": true,
}

// libraryWords after a product make it a library or a protocol the
// design speaks, not a box of the design.
var libraryWords = map[string]bool{
	"client": true, "clients": true, "library": true, "libraries": true, "driver": true, "drivers": true,
	"sdk": true, "sdks": true, "api": true, "apis": true, "protocol": true, "syntax": true, "command": true, "commands": true,
	"module": true, "modules": true, "operator": true, "binding": true, "bindings": true, "wrapper": true,
	"docs": true, "documentation": true, "id": true, "ids": true, "algorithm": true, "generator": true,
	"architecture": true, "pattern": true, "style": true, "function": true, "functions": true,
	"expression": true, "expressions": true, "plugin": true, "console": true, "cli": true, "format": true,
}

// commonWords are products whose names are English words too: written in
// lower case they are the words ("a lambda", "stripe the data").
var commonWords = map[string]bool{
	"oracle": true, "spark": true, "lambda": true, "snowflake": true, "aurora": true, "stripe": true,
	"kong": true, "envoy": true, "pulsar": true, "celery": true, "airflow": true, "neptune": true,
	"spanner": true, "cockroach": true, "elastic": true, "scylla": true, "dynamo": true, "mongo": true,
	"riak": true, "flink": true, "solr": true, "varnish": true, "edge": true,
}

// vendorWords come before a product without changing it: "Amazon S3",
// "Apache Kafka", "AWS DynamoDB".
var vendorWords = map[string]bool{
	"amazon": true, "aws": true, "apache": true, "google": true, "azure": true, "gcp": true, "microsoft": true,
}

// storeHeads are the nouns that end the name of a store or a channel the
// design keeps data in: "message queue", "metadata store", "Videos DB".
var storeHeads = map[string]ComponentKind{
	"db": KindDatabase, "database": KindDatabase, "databases": KindDatabase, "datastore": KindDatabase,
	"store": KindDatabase, "table": KindDatabase, "ledger": KindDatabase,
	"storage": KindObjectStore,
	"cache":   KindCache, "caches": KindCache,
	"queue": KindQueue, "queues": KindQueue, "broker": KindQueue,
	"index": KindSearch, "cdn": KindCDN,
}

// nameModifiers may not stand in a store's name: they belong to the
// sentence around it ("store it in a database", "the same cache").
var nameModifiers = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true, "our": true,
	"its": true, "their": true, "your": true, "my": true, "his": true, "her": true, "same": true, "other": true,
	"another": true, "each": true, "every": true, "any": true, "some": true, "one": true, "single": true,
	"in": true, "to": true, "into": true, "from": true, "on": true, "of": true, "for": true, "with": true,
	"by": true, "at": true, "as": true, "and": true, "or": true, "is": true, "are": true, "be": true, "was": true,
	"use": true, "uses": true, "using": true, "used": true, "store": true, "stores": true, "stored": true,
	"storing": true, "put": true, "puts": true, "write": true, "writes": true, "read": true, "reads": true,
	"get": true, "gets": true, "send": true, "sends": true, "new": true, "separate": true, "different": true,
	"specific": true, "existing": true, "main": true, "central": true, "shared": true, "it": true, "them": true,
	"we": true, "you": true, "they": true, "can": true, "could": true, "should": true, "will": true,
	"would": true, "also": true, "then": true, "there": true, "which": true, "where": true, "when": true,
	"such": true, "like": true, "via": true, "through": true, "behind": true, "before": true, "after": true,
	"all": true, "both": true, "either": true, "up": true, "down": true, "out": true, "back": true,
	"traditional": true, "distributed": true, "large": true, "huge": true, "fast": true, "slow": true,
	"good": true, "better": true, "best": true, "simple": true, "whole": true, "entire": true,
	"call": true, "calls": true, "handle": true, "handles": true, "check": true, "checks": true,
	"mainly": true, "only": true, "just": true, "don't": true, "doesn't": true, "not": true,
}

// dataVerbs move data into or out of a store; a store named only by its
// kind counts as the design's when one of them leads to it ("storing the
// id in message queue", "get the video from object storage").
var dataVerbs = map[string]bool{
	"store": true, "stores": true, "stored": true, "storing": true, "save": true, "saves": true, "saved": true,
	"saving": true, "put": true, "puts": true, "putting": true, "write": true, "writes": true, "written": true,
	"writing": true, "insert": true, "inserts": true, "inserted": true, "inserting": true, "publish": true,
	"publishes": true, "published": true, "publishing": true, "push": true, "pushes": true, "pushed": true,
	"pushing": true, "upload": true, "uploads": true, "uploaded": true, "uploading": true, "send": true,
	"sends": true, "sent": true, "sending": true, "add": true, "adds": true, "added": true, "adding": true,
	"get": true, "gets": true, "getting": true, "read": true, "reads": true, "reading": true, "fetch": true, "fetches": true,
	"fetched": true, "fetching": true, "retrieve": true, "retrieves": true, "retrieved": true, "retrieving": true,
	"consume": true, "consumes": true, "consumed": true, "consuming": true, "pull": true, "pulls": true,
	"pulled": true, "pulling": true, "load": true, "loads": true, "loaded": true, "loading": true,
	"persist": true, "persists": true, "persisted": true, "persisting": true, "keep": true, "keeps": true,
	"kept": true, "keeping": true, "queries": true, "query": true, "queried": true, "enqueue": true,
	"enqueues": true, "enqueued": true, "dequeue": true, "dequeues": true, "emit": true, "emits": true,
	"emitted": true, "post": true, "posts": true, "posted": true, "backed": true, "hits": true,
	"hit": true, "updates": true, "update": true, "updated": true, "updating": true, "lives": true, "live": true,
	"stays": true, "sits": true, "held": true, "holds": true, "hold": true,
}

// storeTopics are the nouns that, after a store noun, make it part of a
// topic: "cache miss", "database schema", "queue depth".
var storeTopics = map[string]bool{
	"miss": true, "misses": true, "hit": true, "hits": true, "ratio": true, "schema": true, "schemas": true,
	"design": true, "size": true, "sizes": true, "length": true, "depth": true, "lookup": true,
	"lookups": true, "key": true, "keys": true, "entry": true, "entries": true, "invalidation": true,
	"eviction": true, "policy": true, "policies": true, "strategy": true, "strategies": true,
	"connection": true, "connections": true, "query": true, "queries": true, "table": true, "tables": true,
	"row": true, "rows": true, "column": true, "columns": true, "record": true, "records": true,
	"latency": true, "model": true, "models": true, "migration": true, "migrations": true, "admin": true,
	"admins": true, "team": true, "engine": true, "engines": true, "type": true, "types": true,
	"choice": true, "choices": true, "selection": true, "layout": true, "transaction": true,
	"transactions": true, "call": true, "calls": true, "access": true, "operations": true,
	"operation": true, "capacity": true, "usage": true, "cost": true, "costs": true, "warming": true,
	"stampede": true, "aside": true, "through": true, "behind": true, "around": true, "file": true,
	"files": true, "name": true, "names": true, "message": true, "messages": true, "consumer": true,
	"consumers": true, "producer": true, "producers": true, "lag": true, "backlog": true, "item": true,
	"items": true, "option": true, "options": true, "vendor": true, "technology": true, "layer": true,
	"failure": true, "failures": true, "outage": true, "outages": true, "error": true, "errors": true,
	"quota": true, "quotas": true, "limit": true, "limits": true, "class": true, "classes": true,
	"bill": true, "billing": true, "pricing": true, "space": true, "requirement": true, "requirements": true,
	"estimate": true, "estimates": true, "estimation": true, "estimations": true, "needs": true,
	// "Search Index Service", "CDN Uploader": a service named after
	// the store it serves.
	"service": true, "services": true, "server": true, "servers": true, "uploader": true, "api": true,
	"worker": true, "workers": true, "manager": true, "controller": true, "handler": true, "builder": true,
}

// listAdjectives may qualify an option of a list: "PostgreSQL or a
// distributed NoSQL database".
var listAdjectives = map[string]bool{
	"distributed": true, "managed": true, "hosted": true, "traditional": true, "simple": true, "separate": true,
	"single": true, "new": true, "in-memory": true, "relational": true, "columnar": true, "scalable": true,
	"open-source": true, "dedicated": true, "cloud": true, "fast": true, "large": true, "other": true,
}

// modalWords make a sentence weigh what it names rather than state it:
// "we can use Elasticsearch", "we could push the task to a dead-letter
// queue".
var modalWords = map[string]bool{
	"can": true, "could": true, "might": true, "may": true, "would": true, "should": true, "shall": true,
}

// exampleWords introduce an example of what was just named: "a document
// store (e.g. MongoDB)", "the search cluster (ie Lucene)".
var exampleWords = map[string]bool{"like": true, "e.g": true, "eg": true, "i.e": true, "ie": true}

// beWords and pickWords make the passive of a choice: "RabbitMQ was
// picked for …".
var beWords = map[string]bool{"is": true, "was": true, "are": true, "were": true, "gets": true, "got": true, "been": true, "be": true}

var pickWords = map[string]bool{
	"picked": true, "chosen": true, "selected": true, "used": true, "adopted": true, "deployed": true,
	"preferred": true, "introduced": true, "added": true,
}

// notServerSide qualify a store noun that is not a component: a client's
// or a machine's own cache, a data structure.
var notServerSide = map[string]bool{
	"browser": true, "client": true, "client-side": true, "cpu": true, "l1": true, "l2": true, "l3": true,
	"os": true, "page": true, "dns": true, "http": true, "priority": true, "circular": true, "ring": true,
	"bfs": true, "min": true, "max": true, "blocking": true, "lock-free": true, "local": true, "device": true,
	"on-device": true, "offline": true,
}

// shopWords make a store a shop: "the App Store", "an online store", "a
// grocery store".
var shopWords = map[string]bool{
	"app": true, "play": true, "online": true, "retail": true, "grocery": true, "physical": true,
	"e-commerce": true, "ecommerce": true, "web": true, "local": true, "nearby": true, "partner": true,
	"coffee": true, "book": true, "department": true, "convenience": true, "chain": true, "flagship": true,
}

// determiners come before a noun, never before a verb.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "our": true, "its": true, "their": true, "this": true, "that": true,
	"each": true, "every": true, "one": true, "another": true, "same": true, "separate": true, "your": true,
}

// storeQualifiers are the words that say what kind of store a store is.
var storeQualifiers = map[string]bool{
	"key-value": true, "kv": true, "document": true, "object": true, "blob": true, "data": true, "file": true,
	"metadata": true, "session": true, "feature": true, "config": true, "configuration": true, "state": true,
	"event": true, "graph": true, "column": true, "wide-column": true, "columnar": true, "time-series": true,
	"vector": true, "relational": true, "nosql": true, "sql": true, "persistent": true, "durable": true,
}

// camelHeads are the store nouns a camel-case name may end in.
var camelHeads = map[string]bool{"db": true, "store": true, "storage": true, "cache": true, "queue": true}
