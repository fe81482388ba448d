package data

import (
	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// After-sales (issue 13): settings, tickets, their attachments' content and
// returns are records (logged); the ticket lists, the deadline index and the
// returns of each invoice and ticket are an index family (aftersalesLists)
// kept beside them in the writing transaction.
var (
	bAfterSalesSettings = []byte("aftersales_settings")     // "settings" → AfterSalesSettings JSON
	bTickets            = []byte("aftersales_tickets")      // ID → Ticket JSON (attachments' metadata only)
	bTicketFiles        = []byte("aftersales_ticket_files") // ticket ID 0 attachment ID → the file's bytes
	bReturns            = []byte("aftersales_returns")      // ID → ReturnDoc JSON
	bTicketList         = []byte("aftersales_ticket_list")  // list key (ticketListKeys) → nothing
	bTicketDue          = []byte("aftersales_ticket_due")   // Ticket.DueKey → nothing: the open deadlines
	bReturnIdx          = []byte("aftersales_return_idx")   // "i" invoice 0 ID / "t" ticket 0 ID → nothing
	aftersalesIndexes   = [][]byte{bTicketList, bTicketDue, bReturnIdx}
	aftersalesBuckets   = append([][]byte{bAfterSalesSettings, bTickets, bTicketFiles, bReturns}, aftersalesIndexes...)
)

var kAfterSalesSettings = []byte("settings")

// Logged kinds of after-sales' records.
const (
	changeAfterSalesSettings byte = 'S' // after-sales settings (aftersales_settings)
	changeTicket             byte = 'T' // ticket (aftersales_tickets)
	changeTicketFile         byte = 'F' // attachment content (aftersales_ticket_files; key: ticket ID 0 attachment ID)
	changeReturn             byte = 'r' // return (aftersales_returns)
)

func init() {
	changeKinds = append(changeKinds, changeAfterSalesSettings, changeTicket, changeTicketFile, changeReturn)
	for _, l := range []loggedRecords{
		{changeAfterSalesSettings, bAfterSalesSettings, nil, "aftersales_settings"},
		{changeTicket, bTickets, nil, "ticket"},
		{changeTicketFile, bTicketFiles, nil, "ticket_file"},
		{changeReturn, bReturns, nil, "return"},
	} {
		i := 0
		for i < len(logged) && logged[i].kind < l.kind {
			i++
		}
		logged = append(logged[:i], append([]loggedRecords{l}, logged[i:]...)...)
	}
}

// createAfterSales: after-sales' buckets, and its lists built from what the
// records hold (none on a file that had no after-sales; running it again
// rebuilds the same lists).
func createAfterSales(tx *bolt.Tx) error {
	if err := createBuckets(tx, bAfterSalesSettings, bTickets, bTicketFiles, bReturns); err != nil {
		return err
	}
	return aftersalesLists.rebuild(tx)
}

// aftersalesLists are the ticket lists, the deadline index and the returns'
// index, and the records they list: one description for the migration
// (rebuild) and Check (check).
var aftersalesLists = indexFamily{
	indexes: aftersalesIndexes,
	sources: []indexSource{
		{bTickets, func(raw []byte) ([]indexKV, error) {
			var t app.Ticket
			err := decode(raw, &t)
			return ticketIndexKeys(t), err
		}},
		{bReturns, func(raw []byte) ([]indexKV, error) {
			var r app.ReturnDoc
			err := decode(raw, &r)
			return returnIndexKeys(r), err
		}},
	},
	msgs: indexMessages{
		unreadable: [2]string{"check.aftersales_unreadable", "record {{.id}} of {{.bucket}} cannot be read"},
		missing:    [2]string{"check.aftersales_index", "record {{.id}} is missing from {{.index}}"},
		wrong:      [2]string{"check.aftersales_index_value", "record {{.id}} is listed wrongly in {{.index}}"},
		extra:      [2]string{"check.aftersales_index_extra", "{{.index}} lists records that do not exist or have changed ({{.n}})"},
	},
}

// Prefixes of the ticket list's keys: every ticket, by status, by kind, by
// status and kind, by customer, by invoice; each ends 0 ticket ID, so a
// prefix read backwards is newest first (IDs are time-ordered).
const (
	listAll      = "*"
	listStatus   = "s"
	listKind     = "k"
	listStatKind = "b"
	listCustomer = "c"
	listInvoice  = "i"
)

// ticketListPrefix is the prefix of one list: its tag and values, each
// followed by 0.
func ticketListPrefix(tag string, values ...string) []byte {
	out := append([]byte(tag), 0)
	for _, v := range values {
		out = append(append(out, v...), 0)
	}
	return out
}

// ticketIndexKeys are the entries ticket t has in the lists and the
// deadline index.
func ticketIndexKeys(t app.Ticket) []indexKV {
	id := []byte(t.ID)
	kvs := []indexKV{
		{bTicketList, cat(ticketListPrefix(listAll), id), nil},
		{bTicketList, cat(ticketListPrefix(listStatus, string(t.Status)), id), nil},
		{bTicketList, cat(ticketListPrefix(listKind, string(t.Kind)), id), nil},
		{bTicketList, cat(ticketListPrefix(listStatKind, string(t.Status), string(t.Kind)), id), nil},
		{bTicketList, cat(ticketListPrefix(listCustomer, t.CustomerID), id), nil},
	}
	if t.InvoiceID != "" {
		kvs = append(kvs, indexKV{bTicketList, cat(ticketListPrefix(listInvoice, t.InvoiceID), id), nil})
	}
	if k := t.DueKey(); k != "" {
		kvs = append(kvs, indexKV{bTicketDue, []byte(k), nil})
	}
	return kvs
}

// returnIndexKeys are return r's entries: under its invoice and its ticket.
func returnIndexKeys(r app.ReturnDoc) []indexKV {
	kvs := []indexKV{{bReturnIdx, cat(ticketListPrefix(listInvoice, r.InvoiceID), []byte(r.ID)), nil}}
	if r.TicketID != "" {
		kvs = append(kvs, indexKV{bReturnIdx, cat(ticketListPrefix("t", r.TicketID), []byte(r.ID)), nil})
	}
	return kvs
}
