package data

import (
	"bytes"
	"context"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Tickets is one page of the tickets matching f and how many match: read
// from the lists (newest first) or, for Overdue and DueThisWeek, from the
// deadline index (soonest deadline first); only the page's tickets are
// decoded unless a condition no list settles (assignee, search) is set.
func (s *Store) Tickets(ctx context.Context, f app.TicketFilter, offset, limit int) ([]app.Ticket, int, error) {
	var out []app.Ticket
	total := 0
	err := s.viewAs(ctx, app.PermAftersales, "listing the tickets", func(tx *bolt.Tx, _ app.User) error {
		ids, settled := ticketCandidates(tx, f)
		words := strings.Fields(strings.ToLower(f.Search))
		if settled && len(words) == 0 && f.Assignee == "" {
			total = len(ids)
			for i := offset; i < len(ids) && (limit <= 0 || i < offset+limit); i++ {
				t, err := readTicket(tx, ids[i])
				if err != nil {
					return err
				}
				out = append(out, t)
			}
			return nil
		}
		for _, id := range ids {
			t, err := readTicket(tx, id)
			if err != nil {
				return err
			}
			if !ticketMatches(f, words, t) {
				continue
			}
			if total >= offset && (limit <= 0 || total < offset+limit) {
				out = append(out, t)
			}
			total++
		}
		return nil
	})
	return out, total, err
}

// ticketCandidates are the IDs of the tickets the filter's list holds, in
// the list's order, and whether every condition but the assignee and the
// search is settled by it.
func ticketCandidates(tx *bolt.Tx, f app.TicketFilter) ([]string, bool) {
	if f.Overdue || f.DueThisWeek {
		today := f.Today
		var from, to []byte
		switch {
		case f.Overdue && f.DueThisWeek: // nothing is both past and not yet due
			return nil, true
		case f.Overdue: // the keys below today's first: deadlines before today
			lo, _ := app.DueKeyRange(today, today)
			to = []byte(lo)
		default: // from today to the week's Sunday
			_, sun := app.WeekOf(today)
			lo, hi := app.DueKeyRange(today, sun)
			from, to = []byte(lo), []byte(hi)
		}
		var ids []string
		c := tx.Bucket(bTicketDue).Cursor()
		k, _ := c.First()
		if from != nil {
			k, _ = c.Seek(from)
		}
		for ; k != nil && bytes.Compare(k, to) < 0; k, _ = c.Next() {
			if i := bytes.IndexByte(k, '/'); i >= 0 {
				ids = append(ids, string(k[i+1:]))
			}
		}
		settled := f.Status == "" && f.Kind == "" && f.CustomerID == "" && f.InvoiceID == ""
		return ids, settled
	}
	var prefix []byte
	settled := true
	switch {
	case f.InvoiceID != "":
		prefix = ticketListPrefix(listInvoice, f.InvoiceID)
		settled = f.Status == "" && f.Kind == "" && f.CustomerID == ""
	case f.CustomerID != "":
		prefix = ticketListPrefix(listCustomer, f.CustomerID)
		settled = f.Status == "" && f.Kind == ""
	case f.Status != "" && f.Kind != "":
		prefix = ticketListPrefix(listStatKind, string(f.Status), string(f.Kind))
	case f.Status != "":
		prefix = ticketListPrefix(listStatus, string(f.Status))
	case f.Kind != "":
		prefix = ticketListPrefix(listKind, string(f.Kind))
	default:
		prefix = ticketListPrefix(listAll)
	}
	var ids []string
	c := tx.Bucket(bTicketList).Cursor()
	end := append(bytes.Clone(prefix[:len(prefix)-1]), 1) // the first key after the prefix
	k, _ := c.Seek(end)
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
		ids = append(ids, string(k[len(prefix):]))
	}
	return ids, settled
}

// ticketMatches reports ticket t passing every condition of f (the
// deadline ones are settled by the index it was read from).
func ticketMatches(f app.TicketFilter, words []string, t app.Ticket) bool {
	switch {
	case f.Status != "" && t.Status != f.Status, f.Kind != "" && t.Kind != f.Kind,
		f.CustomerID != "" && t.CustomerID != f.CustomerID, f.InvoiceID != "" && t.InvoiceID != f.InvoiceID,
		f.Assignee != "" && t.Assignee != f.Assignee:
		return false
	}
	if len(words) == 0 {
		return true
	}
	hay := strings.ToLower(strings.Join([]string{t.Number, t.Subject, t.Customer.Name, t.Serial}, " "))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
