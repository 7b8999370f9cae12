// schema/schema.h
// schema — the canonical model every stage agrees on (Customer, Order,
// OrderLine, Invoice, Payment, ExceptionItem) and the SQL migrations per
// backend (schema/sqlite/, schema/postgresql/). Plain value types, no I/O, no
// business rules. Connectors never see it; mapping/ produces it, store/
// persists it, reconcile/ and reports/ read it.
#pragma once

#include "schema/exception_item.h"
#include "schema/model.h"
