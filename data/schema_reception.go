package data

import (
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

// indexReception (11 → 12): each customer's visits, appointments and
// inquiries, the appointments by start and the inquiries by date (issue 11),
// so the customer card and the desk's lists read their own records, not
// every record. Built afresh from the records: running it again rebuilds.
func indexReception(tx *bolt.Tx) error { return receptionLists.rebuild(tx) }
