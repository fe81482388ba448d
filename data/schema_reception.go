package data

import (
	"bytes"
	"slices"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The reception: visits, appointments, inquiries and the customer search
// index, with the lists the desk reads (receptionindex.go keeps them).
var (
	bCustIdx   = []byte("customer_tokens")   // token 0 customer ID → folded name (search by word prefix)
	bCustName  = []byte("customer_names")    // folded name 0 customer ID → nil (listing by name)
	bVisits    = []byte("visits")            // ID → Visit JSON
	bVisitDay  = []byte("visit_days")        // YYYYMMDD (local) 0 ID → nil
	bInside    = []byte("visitors_inside")   // ID → nil while in the building
	bAppts     = []byte("appointments")      // ID → Appointment JSON
	bApptStaff = []byte("appointment_staff") // staff 0 start (timeKey) 0 ID → nil
	bInquiries = []byte("inquiries")         // ID → Inquiry JSON

	bVisitCust = []byte("visit_customers")       // customer ID 0 check-in (timeKey) 0 visit ID → nil
	bApptCust  = []byte("appointment_customers") // customer ID 0 start (timeKey) 0 appointment ID → nil
	bInqCust   = []byte("inquiry_customers")     // customer ID 0 created (timeKey) 0 inquiry ID → nil
	bApptDays  = []byte("appointment_days")      // start (timeKey) 0 appointment ID → nil
	bInqDates  = []byte("inquiry_dates")         // created (timeKey) 0 inquiry ID → 1 while open, 0 after
)

// createReception (3 → 4): the reception (issue 6) and the customer search
// index, built from the customers already on file.
func createReception(tx *bolt.Tx) error {
	if err := createBuckets(tx, bCustIdx, bCustName, bVisits, bVisitDay, bInside, bAppts, bApptStaff, bInquiries); err != nil {
		return err
	}
	return tx.Bucket(bCustomers).ForEach(func(_, v []byte) error {
		var c app.Customer
		if err := decode(v, &c); err != nil {
			return err
		}
		return indexCustomer(tx, nil, &c)
	})
}

// receptionIndexes are the lists indexReception builds.
var receptionIndexes = [][]byte{bVisitCust, bApptCust, bInqCust, bApptDays, bInqDates}

// indexReception (11 → 12): each customer's visits, appointments and
// inquiries, the appointments by start and the inquiries by date (issue 11),
// so the customer card and the desk's lists read their own records, not
// every record. Built afresh from the records: running it again rebuilds.
func indexReception(tx *bolt.Tx) error {
	for _, name := range receptionIndexes {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
	}
	if err := createBuckets(tx, receptionIndexes...); err != nil {
		return err
	}
	// Keys are gathered and put in order: bbolt appends sorted puts cheaply.
	keys := map[string][][2][]byte{}
	add := func(bucket []byte, k, v []byte) { keys[string(bucket)] = append(keys[string(bucket)], [2][]byte{k, v}) }
	if err := tx.Bucket(bVisits).ForEach(func(_, raw []byte) error {
		var v app.Visit
		if err := decode(raw, &v); err != nil {
			return err
		}
		for _, kv := range visitIndexKeys(v) {
			add(kv.bucket, kv.key, kv.value)
		}
		return nil
	}); err != nil {
		return err
	}
	if err := tx.Bucket(bAppts).ForEach(func(_, raw []byte) error {
		var a app.Appointment
		if err := decode(raw, &a); err != nil {
			return err
		}
		for _, kv := range apptIndexKeys(a) {
			add(kv.bucket, kv.key, kv.value)
		}
		return nil
	}); err != nil {
		return err
	}
	if err := tx.Bucket(bInquiries).ForEach(func(_, raw []byte) error {
		var q app.Inquiry
		if err := decode(raw, &q); err != nil {
			return err
		}
		for _, kv := range inquiryIndexKeys(q) {
			add(kv.bucket, kv.key, kv.value)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, name := range receptionIndexes {
		kvs := keys[string(name)]
		sortKVs(kvs)
		b := tx.Bucket(name)
		for _, kv := range kvs {
			if err := b.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
	}
	return nil
}

func sortKVs(kvs [][2][]byte) {
	slices.SortFunc(kvs, func(a, b [2][]byte) int { return bytes.Compare(a[0], b[0]) })
}
