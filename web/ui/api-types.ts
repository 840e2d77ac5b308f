// Generated from the hub’s /openapi.json by scripts/generate-web-api-types.ts. Do not edit.
export interface paths {
  '/api/audiences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List audiences with member counts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                description: string | null;
                id: string;
                key: string;
                memberCount: number;
                name: string;
                rule: components['schemas']['AudienceRule'];
                /** @enum {string} */
                status: 'active' | 'paused';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Save an audience (a rule over traits, events, stage, tags, consent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            key: string;
            name: string;
            rule: components['schemas']['AudienceRuleInput'];
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              description: string | null;
              id: string;
              key: string;
              memberCount: number;
              name: string;
              rule: components['schemas']['AudienceRule'];
              /** @enum {string} */
              status: 'active' | 'paused';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audiences/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an audience by id or key */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              description: string | null;
              id: string;
              key: string;
              memberCount: number;
              name: string;
              rule: components['schemas']['AudienceRule'];
              /** @enum {string} */
              status: 'active' | 'paused';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an audience (its members exit) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change an audience */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            name?: string;
            rule?: components['schemas']['AudienceRuleInput'];
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              description: string | null;
              id: string;
              key: string;
              memberCount: number;
              name: string;
              rule: components['schemas']['AudienceRule'];
              /** @enum {string} */
              status: 'active' | 'paused';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/audiences/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of an audience's members who may be contacted for a purpose on a channel */
    get: {
      parameters: {
        query: {
          after?: string;
          channel: string;
          limit?: number;
          purpose: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              audienceId: string;
              audienceKey: string;
              channel: string;
              items: {
                customerId: string;
              }[];
              next: string | null;
              purpose: string;
              skipped: {
                customerId: string;
                reason: string;
              }[];
              /** @enum {string} */
              type: 'audience.export';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audiences/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of an audience's members (customer ids) */
    get: {
      parameters: {
        query?: {
          after?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                customerId: string;
                /** Format: date-time */
                enteredAt: string;
              }[];
              next: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/back-in-stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask to be told once when a sold-out variant is back in stock on the channel
     * @description An address typed in through a storefront (publishable) key is answered 202 confirmation_requested, whatever its state: the subscription itself is not shown to whoever typed it.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description required unless the key is bound to a channel */
            channelId?: string;
            /**
             * @description the shopper agreed to be messaged about it; needed unless a signed-in or named one already did
             * @enum {boolean}
             */
            consent?: true;
            /**
             * Format: email
             * @description when no shopper is signed in
             */
            email?: string;
            /**
             * @description the language of the confirmation mail and page
             * @enum {string}
             */
            locale?: 'en' | 'es' | 'sv' | 'bg' | 'nl';
            /** @description server keys only: the customer to tell */
            profileId?: string;
            sku: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              /** @description this request queued a confirmation mail (none within minutes of the last) */
              confirmationSent: boolean;
              /** Format: date-time */
              createdAt: string;
              /** @description until when a pending subscription may be confirmed */
              expiresAt: string | null;
              id: string;
              sku: string;
              /**
               * @description pending_confirmation: an address typed in, until the link mailed to it is clicked
               * @enum {string}
               */
              status: 'pending_confirmation' | 'active' | 'notified' | 'cancelled' | 'expired';
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              sku: string;
              /** @enum {string} */
              status: 'confirmation_requested';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/backup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A consistent snapshot of the embedded database (gzipped tar of the PGlite data directory) while the hub runs; restore with `omnihub restore`. 409 on a PostgreSQL server (use pg_dump) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a cart for a profile or an anonymous shopper */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the device or browser id until the shopper is identified */
            anonymousId?: string;
            /** @description required unless the key is bound to a channel */
            channelId?: string;
            /** Format: email */
            email?: string;
            lines?: {
              quantity: number;
              sku: string;
            }[];
            phone?: string;
            profileId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              /** @description for a publishable key only: send it as X-Cart-Token on every later call on this cart */
              cartToken?: string;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A cart (says which lines lost their stock hold) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              /** @description lines whose stock hold expired since the cart was last read */
              linesLostHold: string[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/channel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Continue the cart on another channel: repriced with that channel's prices and currency
     * @description A channel-bound key (e.g. a store till) moves the cart to its own channel.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelId?: string;
            /** @description the cart's handoff code: required to take over a cart of another channel */
            handoffCode?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cart: {
                anonymousId: string | null;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                delivery:
                  | (
                      | {
                          address: {
                            city: string;
                            country: string;
                            /** @description for routing to the nearest location */
                            latitude?: number;
                            line1: string;
                            line2?: string;
                            longitude?: number;
                            name?: string;
                            phone?: string;
                            postalCode: string;
                            region?: string;
                          };
                          method: string;
                          /** @enum {string} */
                          type: 'ship';
                        }
                      | {
                          locationId: string;
                          locationName: string | null;
                          /** @enum {string} */
                          type: 'pickup';
                        }
                      | {
                          /** @enum {string} */
                          type: 'carry_out';
                        }
                    )
                  | null;
                email: string | null;
                handoff: {
                  /** @description short code the customer shows or tells at the till */
                  code: string;
                  /** @description what a QR code on the customer’s screen encodes */
                  qrPayload: string;
                };
                id: string;
                itemsTotal: number;
                lines: {
                  /** Format: date-time */
                  addedAt: string;
                  /** @description stock held for this line (inventory reservations) */
                  holds: {
                    /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                    backordered?: number;
                    expiresAt: string | null;
                    quantity: number;
                    reservationId: string;
                  }[];
                  /**
                   * @description lost: the hold expired or was released; checkout will try to reserve again
                   * @enum {string}
                   */
                  holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                  lineId: string;
                  /** @description set when staff changed the unit price at the till */
                  priceOverride?: {
                    /** @description the manager whose credentials approved a clerk's change */
                    approvedBy: string | null;
                    approvedByName: string | null;
                    /** Format: date-time */
                    at: string;
                    /** @description the staff member or key id that changed it */
                    by: string;
                    byName: string;
                    /** @description the channel's price the line had before */
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  sku: string;
                  /** @description set when the variant sells on backorder or pre-order */
                  stock?: {
                    /** @description YYYY-MM-DD: pre-order release or expected restock */
                    availableFrom: string | null;
                    /** @description most units of the line beyond the stock */
                    backorderLimit: number | null;
                    /** @enum {string} */
                    policy: 'backorder' | 'preorder';
                  };
                  title: string;
                  /** @description minor units, copied from the channel price when added or repriced */
                  unitPrice: number;
                }[];
                mergedInto: string | null;
                orderId: string | null;
                phone: string | null;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
              changes: {
                /** @enum {string} */
                change: 'price_changed' | 'currency_changed' | 'unchanged' | 'not_sold_on_channel';
                from: {
                  currency: string;
                  unitPrice: number;
                };
                sku: string;
                to: {
                  currency: string;
                  unitPrice: number;
                } | null;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/checkout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check out: pay and place one order (send an Idempotency-Key; a retry returns the same order)
     * @description 402 payment_failed leaves no order and releases the holds. 409 insufficient_stock when stock ran out. A cart already checked out answers 200 with its order. A till sale (delivery carry_out) is paid, handed over and completed at once: manual is cash in the drawer, external a card on the store terminal; never a pickup.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email?: string;
            /** @description the shopper's page language: the order confirmation email is written in it */
            locale?: string;
            /** @description one payment for the whole sum (this or payments) */
            payment?: {
              /** @description `manual` (pay at the till or on pickup), `test`, `external` or an adapter; the hub must enable it and the channel accept it (docs/payments.md) */
              provider: string;
              /** @description the provider's payment token (for `test`: see docs/payments.md) */
              token?: string;
            };
            /** @description a till sale (carry-out): the tenders that together pay it — cash with the amount tendered, the terminal with its reference, or both (422 tender_refused when they do not add up) */
            payments?: {
              /** @description what this tender pays, in minor units */
              amount: number;
              /** @description `manual` (cash), `external` (the store’s own card terminal) or an adapter the channel accepts */
              provider: string;
              /** @description a card terminal's transaction reference, printed on its slip */
              reference?: string;
              /** @description cash only: what the customer handed over (minor units); the change is tendered − amount */
              tendered?: number;
              /** @description the provider's payment token, for a provider that needs one */
              token?: string;
            }[];
            phone?: string;
            /** @enum {string} */
            routing?: 'nearest_with_stock' | 'fewest_shipments' | 'store_priority';
            /** @description parts paid from the wallet first (points and own store credit: the signed-in shopper, or a till for the cart's customer; gift cards and credit codes: whoever holds the code); payment pays the rest */
            wallet?: {
              /** @description the customer's own store credit account, for its signed-in owner or a till */
              accountId?: string;
              /** @description what it pays, in minor units */
              amount: number;
              /** @description a gift card or store credit code (guessing is limited per caller) */
              code?: string;
              /** @enum {string} */
              kind: 'points' | 'gift_card' | 'store_credit';
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description a till sale: the cash handed back, in minor units */
              change: number;
              order: {
                cartId: string | null;
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery:
                  | {
                      address: {
                        city: string;
                        country: string;
                        latitude?: number;
                        line1: string;
                        line2?: string;
                        longitude?: number;
                        name?: string;
                        phone?: string;
                        postalCode: string;
                        region?: string;
                      };
                      method: string;
                      /** @enum {string} */
                      type: 'ship';
                    }
                  | {
                      locationId: string;
                      locationName: string | null;
                      /** @enum {string} */
                      type: 'pickup';
                    }
                  | {
                      /**
                       * @description bought and taken at the till
                       * @enum {string}
                       */
                      type: 'carry_out';
                    };
                email: string | null;
                externalId: string | null;
                externalSource: string | null;
                history: {
                  /** Format: date-time */
                  at: string;
                  /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                  by?: string | null;
                  from:
                    | (
                        | 'pending'
                        | 'paid'
                        | 'allocated'
                        | 'partially_fulfilled'
                        | 'fulfilled'
                        | 'completed'
                        | 'cancelled'
                        | 'refunded'
                      )
                    | null;
                  reason: string | null;
                  /** @enum {string} */
                  to:
                    | 'pending'
                    | 'paid'
                    | 'allocated'
                    | 'partially_fulfilled'
                    | 'fulfilled'
                    | 'completed'
                    | 'cancelled'
                    | 'refunded';
                }[];
                id: string;
                lines: {
                  /** @description set when units were sold beyond the stock */
                  backorder?: {
                    /** @description YYYY-MM-DD: the release or expected restock date */
                    expectedFrom: string | null;
                    /** @enum {string} */
                    kind: 'backorder' | 'preorder';
                    /** @description units waiting for stock */
                    quantity: number;
                  };
                  discount: number;
                  fulfilledQuantity: number;
                  lineId: string;
                  priceOverride?: {
                    approvedBy: string | null;
                    approvedByName: string | null;
                    by: string;
                    byName: string;
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  returnedQuantity: number;
                  sku: string;
                  tax: number;
                  title: string;
                  /** @description quantity × unit price − discount + tax */
                  total: number;
                  unitPrice: number;
                }[];
                metadata: {
                  [key: string]: unknown;
                };
                /** @description the order number people read and search, e.g. OH-10234 */
                number: string;
                paidAmount: number;
                phone: string | null;
                /** @description click & collect: the code the customer shows at the store */
                pickup: {
                  code: string;
                  expiresAt: string | null;
                  locationId: string;
                } | null;
                /** Format: date-time */
                placedAt: string;
                refundedAmount: number;
                reservationIds: string[];
                /** @enum {string} */
                source: 'native' | 'imported';
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totals: {
                  discount: number;
                  grand: number;
                  items: number;
                  shipping: number;
                  tax: number;
                };
                /** Format: date-time */
                updatedAt: string;
              };
              /** @description the first of payments */
              payment: {
                amount: number;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                failureCode: string | null;
                failureMessage: string | null;
                id: string;
                orderId: string;
                provider: string;
                providerRef: string | null;
                refundedAmount: number;
                /** @enum {string} */
                status: 'pending' | 'authorized' | 'captured' | 'failed' | 'voided' | 'refunded';
                /** Format: date-time */
                updatedAt: string;
              } | null;
              payments: {
                amount: number;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                failureCode: string | null;
                failureMessage: string | null;
                id: string;
                orderId: string;
                provider: string;
                providerRef: string | null;
                refundedAmount: number;
                /** @enum {string} */
                status: 'pending' | 'authorized' | 'captured' | 'failed' | 'voided' | 'refunded';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description a till sale: the cash handed back, in minor units */
              change: number;
              order: {
                cartId: string | null;
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery:
                  | {
                      address: {
                        city: string;
                        country: string;
                        latitude?: number;
                        line1: string;
                        line2?: string;
                        longitude?: number;
                        name?: string;
                        phone?: string;
                        postalCode: string;
                        region?: string;
                      };
                      method: string;
                      /** @enum {string} */
                      type: 'ship';
                    }
                  | {
                      locationId: string;
                      locationName: string | null;
                      /** @enum {string} */
                      type: 'pickup';
                    }
                  | {
                      /**
                       * @description bought and taken at the till
                       * @enum {string}
                       */
                      type: 'carry_out';
                    };
                email: string | null;
                externalId: string | null;
                externalSource: string | null;
                history: {
                  /** Format: date-time */
                  at: string;
                  /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                  by?: string | null;
                  from:
                    | (
                        | 'pending'
                        | 'paid'
                        | 'allocated'
                        | 'partially_fulfilled'
                        | 'fulfilled'
                        | 'completed'
                        | 'cancelled'
                        | 'refunded'
                      )
                    | null;
                  reason: string | null;
                  /** @enum {string} */
                  to:
                    | 'pending'
                    | 'paid'
                    | 'allocated'
                    | 'partially_fulfilled'
                    | 'fulfilled'
                    | 'completed'
                    | 'cancelled'
                    | 'refunded';
                }[];
                id: string;
                lines: {
                  /** @description set when units were sold beyond the stock */
                  backorder?: {
                    /** @description YYYY-MM-DD: the release or expected restock date */
                    expectedFrom: string | null;
                    /** @enum {string} */
                    kind: 'backorder' | 'preorder';
                    /** @description units waiting for stock */
                    quantity: number;
                  };
                  discount: number;
                  fulfilledQuantity: number;
                  lineId: string;
                  priceOverride?: {
                    approvedBy: string | null;
                    approvedByName: string | null;
                    by: string;
                    byName: string;
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  returnedQuantity: number;
                  sku: string;
                  tax: number;
                  title: string;
                  /** @description quantity × unit price − discount + tax */
                  total: number;
                  unitPrice: number;
                }[];
                metadata: {
                  [key: string]: unknown;
                };
                /** @description the order number people read and search, e.g. OH-10234 */
                number: string;
                paidAmount: number;
                phone: string | null;
                /** @description click & collect: the code the customer shows at the store */
                pickup: {
                  code: string;
                  expiresAt: string | null;
                  locationId: string;
                } | null;
                /** Format: date-time */
                placedAt: string;
                refundedAmount: number;
                reservationIds: string[];
                /** @enum {string} */
                source: 'native' | 'imported';
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totals: {
                  discount: number;
                  grand: number;
                  items: number;
                  shipping: number;
                  tax: number;
                };
                /** Format: date-time */
                updatedAt: string;
              };
              /** @description the first of payments */
              payment: {
                amount: number;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                failureCode: string | null;
                failureMessage: string | null;
                id: string;
                orderId: string;
                provider: string;
                providerRef: string | null;
                refundedAmount: number;
                /** @enum {string} */
                status: 'pending' | 'authorized' | 'captured' | 'failed' | 'voided' | 'refunded';
                /** Format: date-time */
                updatedAt: string;
              } | null;
              payments: {
                amount: number;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                failureCode: string | null;
                failureMessage: string | null;
                id: string;
                orderId: string;
                provider: string;
                providerRef: string | null;
                refundedAmount: number;
                /** @enum {string} */
                status: 'pending' | 'authorized' | 'captured' | 'failed' | 'voided' | 'refunded';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply a coupon code (422 with the reason when it cannot be used; the cart is unchanged) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applied: {
                /** @description the whole discount, minor units */
                amount: number;
                campaignId: string;
                code: string | null;
                lines: {
                  amount: number;
                  lineId: string;
                }[];
                name: string;
                /** @description the part taken off shipping */
                shipping: number;
              }[];
              /** @description the codes on the cart */
              codes: string[];
              notApplied: {
                campaignId: string | null;
                code: string | null;
                currency?: string;
                missingAmount?: number;
                missingQuantity?: number;
                name: string | null;
                nextAmount?: number;
                /** @enum {string} */
                reason:
                  | 'unknown_code'
                  | 'not_in_channel'
                  | 'not_started'
                  | 'expired'
                  | 'paused'
                  | 'usage_exhausted'
                  | 'already_used'
                  | 'customer_not_eligible'
                  | 'no_eligible_items'
                  | 'currency_mismatch'
                  | 'min_spend_not_met'
                  | 'min_quantity_not_met'
                  | 'next_tier'
                  | 'exclusive_applied'
                  | 'better_offer_applied';
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/coupons/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a coupon code from the cart */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applied: {
                /** @description the whole discount, minor units */
                amount: number;
                campaignId: string;
                code: string | null;
                lines: {
                  amount: number;
                  lineId: string;
                }[];
                name: string;
                /** @description the part taken off shipping */
                shipping: number;
              }[];
              /** @description the codes on the cart */
              codes: string[];
              notApplied: {
                campaignId: string | null;
                code: string | null;
                currency?: string;
                missingAmount?: number;
                missingQuantity?: number;
                name: string | null;
                nextAmount?: number;
                /** @enum {string} */
                reason:
                  | 'unknown_code'
                  | 'not_in_channel'
                  | 'not_started'
                  | 'expired'
                  | 'paused'
                  | 'usage_exhausted'
                  | 'already_used'
                  | 'customer_not_eligible'
                  | 'no_eligible_items'
                  | 'currency_mismatch'
                  | 'min_spend_not_met'
                  | 'min_quantity_not_met'
                  | 'next_tier'
                  | 'exclusive_applied'
                  | 'better_offer_applied';
              }[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/delivery': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Choose shipping (address + method), click & collect at a store, or carry-out at the till */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                address: {
                  city: string;
                  country: string;
                  /** @description for routing to the nearest location */
                  latitude?: number;
                  line1: string;
                  line2?: string;
                  longitude?: number;
                  name?: string;
                  phone?: string;
                  postalCode: string;
                  region?: string;
                };
                /** Format: email */
                email?: string;
                /** @description standard or express (see GET /api/checkout/shipping-methods) */
                method: string;
                phone?: string;
                /** @enum {string} */
                type: 'ship';
              }
            | {
                /** Format: email */
                email?: string;
                /** @description the store (location id or code) */
                locationId: string;
                phone?: string;
                /** @enum {string} */
                type: 'pickup';
              }
            | {
                /** Format: email */
                email?: string;
                phone?: string;
                /** @enum {string} */
                type: 'carry_out';
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/identify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The shopper is identified: their carts merge by a strategy; the response says what happened */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description e.g. [{ type: "email", value: "ana@example.com" }] or a user_id / loyalty_card; a publishable key sends none: the cart goes to the signed-in shopper
             * @default []
             */
            identifiers?: {
              type: string;
              value: string;
            }[];
            /**
             * @description merge_lines (default), keep_newest or keep_both
             * @enum {string}
             */
            strategy?: 'merge_lines' | 'keep_newest' | 'keep_both';
            traits?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cart: {
                anonymousId: string | null;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                delivery:
                  | (
                      | {
                          address: {
                            city: string;
                            country: string;
                            /** @description for routing to the nearest location */
                            latitude?: number;
                            line1: string;
                            line2?: string;
                            longitude?: number;
                            name?: string;
                            phone?: string;
                            postalCode: string;
                            region?: string;
                          };
                          method: string;
                          /** @enum {string} */
                          type: 'ship';
                        }
                      | {
                          locationId: string;
                          locationName: string | null;
                          /** @enum {string} */
                          type: 'pickup';
                        }
                      | {
                          /** @enum {string} */
                          type: 'carry_out';
                        }
                    )
                  | null;
                email: string | null;
                handoff: {
                  /** @description short code the customer shows or tells at the till */
                  code: string;
                  /** @description what a QR code on the customer’s screen encodes */
                  qrPayload: string;
                };
                id: string;
                itemsTotal: number;
                lines: {
                  /** Format: date-time */
                  addedAt: string;
                  /** @description stock held for this line (inventory reservations) */
                  holds: {
                    /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                    backordered?: number;
                    expiresAt: string | null;
                    quantity: number;
                    reservationId: string;
                  }[];
                  /**
                   * @description lost: the hold expired or was released; checkout will try to reserve again
                   * @enum {string}
                   */
                  holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                  lineId: string;
                  /** @description set when staff changed the unit price at the till */
                  priceOverride?: {
                    /** @description the manager whose credentials approved a clerk's change */
                    approvedBy: string | null;
                    approvedByName: string | null;
                    /** Format: date-time */
                    at: string;
                    /** @description the staff member or key id that changed it */
                    by: string;
                    byName: string;
                    /** @description the channel's price the line had before */
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  sku: string;
                  /** @description set when the variant sells on backorder or pre-order */
                  stock?: {
                    /** @description YYYY-MM-DD: pre-order release or expected restock */
                    availableFrom: string | null;
                    /** @description most units of the line beyond the stock */
                    backorderLimit: number | null;
                    /** @enum {string} */
                    policy: 'backorder' | 'preorder';
                  };
                  title: string;
                  /** @description minor units, copied from the channel price when added or repriced */
                  unitPrice: number;
                }[];
                mergedInto: string | null;
                orderId: string | null;
                phone: string | null;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                /** Format: date-time */
                updatedAt: string;
                version: number;
              } | null;
              customerId: string;
              merge: {
                /** @description the cart the customer continues with */
                cartId: string | null;
                keptCartIds: string[];
                linesAdded: {
                  fromCartId: string;
                  quantity: number;
                  sku: string;
                }[];
                /** @description carts folded into it (merge_lines) or dropped (keep_newest) */
                mergedCartIds: string[];
                quantitiesCombined: {
                  quantity: number;
                  sku: string;
                }[];
                /** @enum {string} */
                strategy: 'merge_lines' | 'keep_newest' | 'keep_both';
                summary: string;
              };
              priceChanges: {
                /** @enum {string} */
                change: 'price_changed' | 'currency_changed' | 'unchanged' | 'not_sold_on_channel';
                from: {
                  currency: string;
                  unitPrice: number;
                };
                sku: string;
                to: {
                  currency: string;
                  unitPrice: number;
                } | null;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a SKU at the channel's price; holds the stock (409 insufficient_stock when there is none) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            quantity: number;
            sku: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/lines/{lineId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a line and release its hold */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a line’s quantity (0 removes it); holds follow */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            quantity: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/carts/{id}/lines/{lineId}/price': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change a line's unit price at the till, with a reason (store manager, or a manager's approval)
     * @description Callers without the pos:price_override scope (clerks, till keys) get 403 price_override_needs_manager unless `approval` holds the email and password of a member who has it; wrong ones answer 403 manager_approval_failed.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            approval?: {
              /** Format: email */
              email: string;
              password: string;
            };
            reason: string;
            /** @description minor units */
            unitPrice: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/next-message': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The message to tell a sale's customer now at the till, with why (none without a customer) */
    get: {
      parameters: {
        query?: {
          locale?: string;
          touchpoint?: 'storefront' | 'app' | 'pos' | 'inbox';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              marketingConsent: {
                allowed: boolean;
                reason: string | null;
              };
              /** @description null: nothing to show now */
              message: {
                /** @enum {string} */
                kind: 'pickup_ready' | 'open_cart' | 'tier_close' | 'recommended';
                link: string | null;
                params: {
                  [key: string]: string | number;
                };
                /** @description needs marketing consent; pickup_ready does not */
                promotional: boolean;
                reason: string;
                ref: string;
              } | null;
              skipped: {
                /** @enum {string} */
                kind: 'pickup_ready' | 'open_cart' | 'tier_close' | 'recommended';
                reason: string;
              }[];
              /** @enum {string} */
              touchpoint: 'storefront' | 'app' | 'pos' | 'inbox';
            } | null;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Campaigns that apply to the cart (per line) and why others do not (add €12 more, expired…) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applied: {
                /** @description the whole discount, minor units */
                amount: number;
                campaignId: string;
                code: string | null;
                lines: {
                  amount: number;
                  lineId: string;
                }[];
                name: string;
                /** @description the part taken off shipping */
                shipping: number;
              }[];
              /** @description the codes on the cart */
              codes: string[];
              notApplied: {
                campaignId: string | null;
                code: string | null;
                currency?: string;
                missingAmount?: number;
                missingQuantity?: number;
                name: string | null;
                nextAmount?: number;
                /** @enum {string} */
                reason:
                  | 'unknown_code'
                  | 'not_in_channel'
                  | 'not_started'
                  | 'expired'
                  | 'paused'
                  | 'usage_exhausted'
                  | 'already_used'
                  | 'customer_not_eligible'
                  | 'no_eligible_items'
                  | 'currency_mismatch'
                  | 'min_spend_not_met'
                  | 'min_quantity_not_met'
                  | 'next_tier'
                  | 'exclusive_applied'
                  | 'better_offer_applied';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/{id}/quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The totals the cart would check out with now */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              currency: string;
              discount: number;
              grand: number;
              items: number;
              shipping: number;
              tax: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/carts/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active carts per channel (and units in them), touched since a moment */
    get: {
      parameters: {
        query: {
          channelId?: string;
          /** @description ISO timestamp; carts updated at or after it */
          since: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                activeCarts: number;
                channelId: string;
                units: number;
              }[];
              /** Format: date-time */
              since: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/option-labels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Name option values per locale (colour moss in nl: mos); shops show the names */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            labels: {
              /** @description what shoppers in that locale read */
              label: string;
              locale: string;
              /** @description the option name as variants have it, e.g. colour */
              option: string;
              /** @description the value as variants have it, e.g. moss */
              value: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description names new or different */
              changed: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/price-lists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List price lists */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                id: string;
                name: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a price list */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            currency: string;
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              id: string;
              name: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/price-lists/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a price list */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              id: string;
              name: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/price-lists/{id}/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set prices by SKU (minor units, in the list currency); all or nothing */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            prices: {
              amount: number;
              /** @description the "was" price shown struck through; null removes it, absent keeps it */
              compareAtAmount?: number | null;
              currency: string;
              sku: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List products (all of them, listed or not) */
    get: {
      parameters: {
        query?: {
          category?: string;
          /** @description nextCursor of the previous page */
          cursor?: string;
          limit?: number;
          /** @description search text (title, handle or SKU) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                categories: string[];
                content: {
                  [key: string]: {
                    description: string;
                    title: string;
                  };
                };
                /** Format: date-time */
                createdAt: string;
                defaultLocale: string;
                handle: string;
                id: string;
                media: string[];
                /** @enum {string} */
                status: 'active' | 'draft' | 'archived';
                tags: string[];
                /** Format: date-time */
                updatedAt: string;
                variants: {
                  /** @description pre-order: the expected release date (required); backorder: expected restock */
                  availableFrom: string | null;
                  /** @description at most this many units of one cart line beyond the stock; null: no limit */
                  backorderLimit: number | null;
                  gtin: string | null;
                  id: string;
                  options: {
                    [key: string]: string;
                  };
                  position: number;
                  productId: string;
                  sku: string;
                  /**
                   * @description deny (default), backorder or preorder
                   * @enum {string}
                   */
                  stockPolicy: 'deny' | 'backorder' | 'preorder';
                }[];
                vendor: string | null;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a product with its variants (and their prices) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            categories?: string[];
            /** @description title and description per locale */
            content: {
              [key: string]: {
                /** @default  */
                description?: string;
                title: string;
              };
            };
            /** @description the fallback when a channel locale has no text */
            defaultLocale: string;
            handle: string;
            /** @default [] */
            media?: string[];
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'draft' | 'archived';
            /** @default [] */
            tags?: string[];
            variants: {
              /** @description pre-order: the expected release date (required); backorder: expected restock */
              availableFrom?: string | null;
              /** @description at most this many units of one cart line beyond the stock; null: no limit */
              backorderLimit?: number | null;
              /** @default null */
              gtin?: string | null;
              /** @default {} */
              options?: {
                [key: string]: string;
              };
              /** @default [] */
              prices?: {
                amount: number;
                /** @description the "was" price shown struck through */
                compareAtAmount?: number | null;
                /** @description must be the price list currency */
                currency: string;
                /** @description id or code of the price list */
                priceListId: string;
              }[];
              sku: string;
              /**
               * @description deny (default), backorder or preorder
               * @enum {string}
               */
              stockPolicy?: 'deny' | 'backorder' | 'preorder';
            }[];
            /** @default null */
            vendor?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              content: {
                [key: string]: {
                  description: string;
                  title: string;
                };
              };
              /** Format: date-time */
              createdAt: string;
              defaultLocale: string;
              handle: string;
              id: string;
              media: string[];
              /** @enum {string} */
              status: 'active' | 'draft' | 'archived';
              tags: string[];
              /** Format: date-time */
              updatedAt: string;
              variants: {
                /** @description pre-order: the expected release date (required); backorder: expected restock */
                availableFrom: string | null;
                /** @description at most this many units of one cart line beyond the stock; null: no limit */
                backorderLimit: number | null;
                gtin: string | null;
                id: string;
                options: {
                  [key: string]: string;
                };
                position: number;
                productId: string;
                sku: string;
                /**
                 * @description deny (default), backorder or preorder
                 * @enum {string}
                 */
                stockPolicy: 'deny' | 'backorder' | 'preorder';
              }[];
              vendor: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a product */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              content: {
                [key: string]: {
                  description: string;
                  title: string;
                };
              };
              /** Format: date-time */
              createdAt: string;
              defaultLocale: string;
              handle: string;
              id: string;
              media: string[];
              /** @enum {string} */
              status: 'active' | 'draft' | 'archived';
              tags: string[];
              /** Format: date-time */
              updatedAt: string;
              variants: {
                /** @description pre-order: the expected release date (required); backorder: expected restock */
                availableFrom: string | null;
                /** @description at most this many units of one cart line beyond the stock; null: no limit */
                backorderLimit: number | null;
                gtin: string | null;
                id: string;
                options: {
                  [key: string]: string;
                };
                position: number;
                productId: string;
                sku: string;
                /**
                 * @description deny (default), backorder or preorder
                 * @enum {string}
                 */
                stockPolicy: 'deny' | 'backorder' | 'preorder';
              }[];
              vendor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a product (texts per locale, categories, media, status, vendor, tags) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            categories?: string[];
            /** @description locales given replace their text; others stay */
            content?: {
              [key: string]: {
                /** @default  */
                description?: string;
                title: string;
              };
            };
            defaultLocale?: string;
            media?: string[];
            /** @enum {string} */
            status?: 'active' | 'draft' | 'archived';
            tags?: string[];
            vendor?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              content: {
                [key: string]: {
                  description: string;
                  title: string;
                };
              };
              /** Format: date-time */
              createdAt: string;
              defaultLocale: string;
              handle: string;
              id: string;
              media: string[];
              /** @enum {string} */
              status: 'active' | 'draft' | 'archived';
              tags: string[];
              /** Format: date-time */
              updatedAt: string;
              variants: {
                /** @description pre-order: the expected release date (required); backorder: expected restock */
                availableFrom: string | null;
                /** @description at most this many units of one cart line beyond the stock; null: no limit */
                backorderLimit: number | null;
                gtin: string | null;
                id: string;
                options: {
                  [key: string]: string;
                };
                position: number;
                productId: string;
                sku: string;
                /**
                 * @description deny (default), backorder or preorder
                 * @enum {string}
                 */
                stockPolicy: 'deny' | 'backorder' | 'preorder';
              }[];
              vendor: string | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/catalog/products/{id}/listings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where a product is listed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string;
                description: string | null;
                productId: string;
                published: boolean;
                title: string | null;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products/{id}/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product's pictures in order */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description product id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                alt: {
                  [key: string]: string;
                };
                createdAt: string;
                height: number;
                id: string;
                position: number;
                productId: string;
                variantId: string | null;
                width: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a picture to a product or one of its variants (the raw image is the body) */
    post: {
      parameters: {
        query?: {
          /** @description alt text in `locale` */
          alt?: string;
          locale?: string;
          /** @description SKU or variant id the picture shows */
          variant?: string;
        };
        header?: never;
        path: {
          /** @description product id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alt: {
                [key: string]: string;
              };
              createdAt: string;
              height: number;
              id: string;
              position: number;
              productId: string;
              variantId: string | null;
              width: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products/{id}/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product's prices per variant: per price list (priceListCode) and channels' own (channelId) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                amount: number;
                channelId: string | null;
                /** @description the "was" price shown struck through */
                compareAtAmount: number | null;
                currency: string;
                priceListCode: string | null;
                sku: string;
                variantId: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products/{id}/variants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a variant to a product */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description pre-order: the expected release date (required); backorder: expected restock */
            availableFrom?: string | null;
            /** @description at most this many units of one cart line beyond the stock; null: no limit */
            backorderLimit?: number | null;
            /** @default null */
            gtin?: string | null;
            /** @default {} */
            options?: {
              [key: string]: string;
            };
            /** @default [] */
            prices?: {
              amount: number;
              /** @description the "was" price shown struck through */
              compareAtAmount?: number | null;
              /** @description must be the price list currency */
              currency: string;
              /** @description id or code of the price list */
              priceListId: string;
            }[];
            sku: string;
            /**
             * @description deny (default), backorder or preorder
             * @enum {string}
             */
            stockPolicy?: 'deny' | 'backorder' | 'preorder';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              content: {
                [key: string]: {
                  description: string;
                  title: string;
                };
              };
              /** Format: date-time */
              createdAt: string;
              defaultLocale: string;
              handle: string;
              id: string;
              media: string[];
              /** @enum {string} */
              status: 'active' | 'draft' | 'archived';
              tags: string[];
              /** Format: date-time */
              updatedAt: string;
              variants: {
                /** @description pre-order: the expected release date (required); backorder: expected restock */
                availableFrom: string | null;
                /** @description at most this many units of one cart line beyond the stock; null: no limit */
                backorderLimit: number | null;
                gtin: string | null;
                id: string;
                options: {
                  [key: string]: string;
                };
                position: number;
                productId: string;
                sku: string;
                /**
                 * @description deny (default), backorder or preorder
                 * @enum {string}
                 */
                stockPolicy: 'deny' | 'backorder' | 'preorder';
              }[];
              vendor: string | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalog/products/{id}/variants/{sku}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a variant's barcode (GTIN) or options; its SKU stays */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description id or handle */
          id: string;
          sku: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description pre-order: the expected release date (required); backorder: expected restock */
            availableFrom?: string | null;
            /** @description at most this many units of one cart line beyond the stock; null: no limit */
            backorderLimit?: number | null;
            gtin?: string | null;
            options?: {
              [key: string]: string;
            };
            /**
             * @description deny (default), backorder or preorder
             * @enum {string}
             */
            stockPolicy?: 'deny' | 'backorder' | 'preorder';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              content: {
                [key: string]: {
                  description: string;
                  title: string;
                };
              };
              /** Format: date-time */
              createdAt: string;
              defaultLocale: string;
              handle: string;
              id: string;
              media: string[];
              /** @enum {string} */
              status: 'active' | 'draft' | 'archived';
              tags: string[];
              /** Format: date-time */
              updatedAt: string;
              variants: {
                /** @description pre-order: the expected release date (required); backorder: expected restock */
                availableFrom: string | null;
                /** @description at most this many units of one cart line beyond the stock; null: no limit */
                backorderLimit: number | null;
                gtin: string | null;
                id: string;
                options: {
                  [key: string]: string;
                };
                position: number;
                productId: string;
                sku: string;
                /**
                 * @description deny (default), backorder or preorder
                 * @enum {string}
                 */
                stockPolicy: 'deny' | 'backorder' | 'preorder';
              }[];
              vendor: string | null;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/channel-sync/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Consistency audit: drift between the hub and each connected channel, and sync lag */
    get: {
      parameters: {
        query?: {
          connectionId?: string;
          /** @description only findings of this kind */
          kind?: 'price' | 'title' | 'description' | 'availability' | 'listing' | 'campaign';
          /** @description findings listed at most */
          limit?: number;
          /** @description true: also read the channels' actual state back (generic and WooCommerce) */
          remote?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              connections: {
                channelId: string;
                connectionId: string;
                deadLettered: number;
                /** @description drift found, by kind */
                drift: {
                  [key: string]: number;
                };
                /** @enum {string} */
                kind: 'generic' | 'woocommerce' | 'shopify';
                lagSeconds: number;
                lastError: string | null;
                lastSuccessAt: string | null;
                name: string;
                oldestDirtySeconds: number;
                queueDepth: number;
                remote:
                  | ('checked' | 'unsupported' | 'skipped')
                  | {
                      error: string;
                    };
                skus: number;
                /** @enum {string} */
                status: 'active' | 'paused' | 'disabled';
                total: number;
              }[];
              findings: {
                channel: unknown;
                channelId: string;
                connectionId: string;
                hub: unknown;
                /** @enum {string} */
                kind: 'price' | 'title' | 'description' | 'availability' | 'listing' | 'campaign';
                queued: ('pending' | 'dead') | null;
                sku: string;
                /** @enum {string} */
                source: 'acknowledged' | 'channel';
                /** @enum {string} */
                syncKind: 'stock' | 'price' | 'listing';
              }[];
              /** Format: date-time */
              generatedAt: string;
              truncated: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/audit/fix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Fix drift: push the findings' items again, or every SKU of the connection */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            connectionId: string;
            /** @description the findings to push again; left out: every SKU of the connection (a full resync) */
            items?: {
              /** @enum {string} */
              kind: 'stock' | 'price' | 'listing';
              sku: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              queued: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/audit/last': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The periodic audit's last result per connection (what the omnichannel score reads) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                auditedAt: string;
                channelId: string;
                connectionId: string;
                deadLettered: number;
                /** @description distinct SKUs drifted, by field */
                drift: {
                  [key: string]: number;
                };
                /** @description distinct SKUs drifted, by pushed kind */
                driftBySync: {
                  [key: string]: number;
                };
                lagSeconds: number;
                /**
                 * @description checked: the channel's state was read back; error: it could not be (remoteError)
                 * @enum {string}
                 */
                remote: 'checked' | 'unsupported' | 'error';
                remoteError: string | null;
                /** @description up to 10 drifted items */
                sample: {
                  channel: unknown;
                  hub: unknown;
                  /** @description the field that drifted: price, title, description, availability, listing, campaign */
                  kind: string;
                  sku: string;
                  /** @enum {string} */
                  source: 'acknowledged' | 'channel';
                }[];
                /** @description SKUs checked */
                skus: number;
                /**
                 * @description the connection’s status when audited
                 * @enum {string}
                 */
                status: 'active' | 'paused' | 'disabled';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/audit/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the periodic audit now (channels read back) for every connection not being audited elsewhere; keeps and returns the results */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                auditedAt: string;
                channelId: string;
                connectionId: string;
                deadLettered: number;
                /** @description distinct SKUs drifted, by field */
                drift: {
                  [key: string]: number;
                };
                /** @description distinct SKUs drifted, by pushed kind */
                driftBySync: {
                  [key: string]: number;
                };
                lagSeconds: number;
                /**
                 * @description checked: the channel's state was read back; error: it could not be (remoteError)
                 * @enum {string}
                 */
                remote: 'checked' | 'unsupported' | 'error';
                remoteError: string | null;
                /** @description up to 10 drifted items */
                sample: {
                  channel: unknown;
                  hub: unknown;
                  /** @description the field that drifted: price, title, description, availability, listing, campaign */
                  kind: string;
                  sku: string;
                  /** @enum {string} */
                  source: 'acknowledged' | 'channel';
                }[];
                /** @description SKUs checked */
                skus: number;
                /**
                 * @description the connection’s status when audited
                 * @enum {string}
                 */
                status: 'active' | 'paused' | 'disabled';
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List channel sync connections */
    get: {
      parameters: {
        query?: {
          channelId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                baseUrl: string;
                batchSize: number;
                burst: number;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                id: string;
                /** @enum {string} */
                kind: 'generic' | 'woocommerce' | 'shopify';
                lastError: string | null;
                name: string;
                pausedUntil: string | null;
                push: ('stock' | 'price' | 'listing')[];
                ratePerSecond: number;
                /** @enum {string} */
                status: 'active' | 'paused' | 'disabled';
                transform: string | null;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Connect a channel to an external shop (a generic connection shows its secret only here) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /**
                 * Format: uri
                 * @description generic: the URL batches are POSTed to; woocommerce: the shop root (…/wp-json is added); shopify: https://<shop>.myshopify.com
                 */
                baseUrl: string;
                /**
                 * @description items per request (WooCommerce: ≤ 100)
                 * @default 50
                 */
                batchSize?: number;
                /**
                 * @description requests allowed at once after a quiet spell
                 * @default 5
                 */
                burst?: number;
                /** @description the hub channel this connection pushes */
                channelId: string;
                /** @default {} */
                credentials?: {
                  /** @description the Standard Webhooks signing secret; generated when omitted */
                  secret?: string;
                };
                /** @enum {string} */
                kind: 'generic';
                /** @default  */
                name?: string;
                /**
                 * @default [
                 *       "stock",
                 *       "price",
                 *       "listing"
                 *     ]
                 */
                push?: ('stock' | 'price' | 'listing')[];
                /**
                 * @description requests per second (token bucket)
                 * @default 2
                 */
                ratePerSecond?: number;
                /**
                 * @description paused: changes queue up (coalesced) and nothing is sent until it is made active
                 * @default active
                 * @enum {string}
                 */
                status?: 'active' | 'paused';
                /**
                 * @description a JSONata expression over the canonical item; its result replaces the item
                 * @default null
                 */
                transform?: string | null;
              }
            | {
                /**
                 * Format: uri
                 * @description generic: the URL batches are POSTed to; woocommerce: the shop root (…/wp-json is added); shopify: https://<shop>.myshopify.com
                 */
                baseUrl: string;
                /**
                 * @description items per request (WooCommerce: ≤ 100)
                 * @default 50
                 */
                batchSize?: number;
                /**
                 * @description requests allowed at once after a quiet spell
                 * @default 5
                 */
                burst?: number;
                /** @description the hub channel this connection pushes */
                channelId: string;
                credentials: {
                  consumerKey: string;
                  consumerSecret: string;
                };
                /** @enum {string} */
                kind: 'woocommerce';
                /** @default  */
                name?: string;
                /**
                 * @default [
                 *       "stock",
                 *       "price",
                 *       "listing"
                 *     ]
                 */
                push?: ('stock' | 'price' | 'listing')[];
                /**
                 * @description requests per second (token bucket)
                 * @default 2
                 */
                ratePerSecond?: number;
                /**
                 * @description paused: changes queue up (coalesced) and nothing is sent until it is made active
                 * @default active
                 * @enum {string}
                 */
                status?: 'active' | 'paused';
                /**
                 * @description a JSONata expression over the canonical item; its result replaces the item
                 * @default null
                 */
                transform?: string | null;
              }
            | {
                /**
                 * Format: uri
                 * @description generic: the URL batches are POSTed to; woocommerce: the shop root (…/wp-json is added); shopify: https://<shop>.myshopify.com
                 */
                baseUrl: string;
                /**
                 * @description items per request (WooCommerce: ≤ 100)
                 * @default 50
                 */
                batchSize?: number;
                /**
                 * @description requests allowed at once after a quiet spell
                 * @default 5
                 */
                burst?: number;
                /** @description the hub channel this connection pushes */
                channelId: string;
                credentials: {
                  /** @description an Admin API access token (X-Shopify-Access-Token) */
                  accessToken: string;
                  /** @description the Shopify location whose available quantity is set */
                  locationId: string;
                };
                /** @enum {string} */
                kind: 'shopify';
                /** @default  */
                name?: string;
                /**
                 * @default [
                 *       "stock",
                 *       "price",
                 *       "listing"
                 *     ]
                 */
                push?: ('stock' | 'price' | 'listing')[];
                /**
                 * @description requests per second (token bucket)
                 * @default 2
                 */
                ratePerSecond?: number;
                /**
                 * @description paused: changes queue up (coalesced) and nothing is sent until it is made active
                 * @default active
                 * @enum {string}
                 */
                status?: 'active' | 'paused';
                /**
                 * @description a JSONata expression over the canonical item; its result replaces the item
                 * @default null
                 */
                transform?: string | null;
              };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              baseUrl: string;
              batchSize: number;
              burst: number;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'generic' | 'woocommerce' | 'shopify';
              lastError: string | null;
              name: string;
              pausedUntil: string | null;
              push: ('stock' | 'price' | 'listing')[];
              ratePerSecond: number;
              secret: string | null;
              /** @enum {string} */
              status: 'active' | 'paused' | 'disabled';
              transform: string | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/connections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a channel sync connection */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              baseUrl: string;
              batchSize: number;
              burst: number;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'generic' | 'woocommerce' | 'shopify';
              lastError: string | null;
              name: string;
              pausedUntil: string | null;
              push: ('stock' | 'price' | 'listing')[];
              ratePerSecond: number;
              /** @enum {string} */
              status: 'active' | 'paused' | 'disabled';
              transform: string | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a connection and its queue */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a connection (status active resumes one paused by a 401/403) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: uri
             * @description generic: the URL batches are POSTed to; woocommerce: the shop root (…/wp-json is added); shopify: https://<shop>.myshopify.com
             */
            baseUrl?: string;
            batchSize?: number;
            burst?: number;
            credentials?:
              | {
                  /** @description the Standard Webhooks signing secret; generated when omitted */
                  secret: string;
                }
              | {
                  consumerKey: string;
                  consumerSecret: string;
                }
              | {
                  /** @description an Admin API access token (X-Shopify-Access-Token) */
                  accessToken: string;
                  /** @description the Shopify location whose available quantity is set */
                  locationId: string;
                };
            name?: string;
            push?: ('stock' | 'price' | 'listing')[];
            ratePerSecond?: number;
            /**
             * @description active resumes a connection paused by a 401/403
             * @enum {string}
             */
            status?: 'active' | 'paused' | 'disabled';
            transform?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              baseUrl: string;
              batchSize: number;
              burst: number;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'generic' | 'woocommerce' | 'shopify';
              lastError: string | null;
              name: string;
              pausedUntil: string | null;
              push: ('stock' | 'price' | 'listing')[];
              ratePerSecond: number;
              /** @enum {string} */
              status: 'active' | 'paused' | 'disabled';
              transform: string | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/channel-sync/connections/{id}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What a push of one SKU (or a sample) would send: canonical item, transformed payload, requests */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description default: what the connection pushes */
            changed?: ('stock' | 'price' | 'listing')[];
            /** @description a made-up item (fields left out take neutral values) */
            sample?: {
              availableToSell?: number;
              listed?: boolean;
              price?: {
                amount: number;
                currency: string;
              } | null;
              sku: string;
              title?: string | null;
            };
            /** @description a real SKU: its current truth on the channel */
            sku?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              error: string | null;
              item: {
                [key: string]: unknown;
              };
              payload: unknown;
              requests: {
                body?: unknown;
                headers: {
                  [key: string]: string;
                };
                method: string;
                url: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/connections/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Queued items of a connection (status=dead: the dead-letter queue) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          status?: 'pending' | 'dead';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                connectionId: string;
                /** Format: date-time */
                enqueuedAt: string;
                id: string;
                key: string;
                /** @enum {string} */
                kind: 'stock' | 'price' | 'listing';
                lastError: string | null;
                lastStatusCode: number | null;
                /** Format: date-time */
                nextAttemptAt: string;
                /** @enum {string} */
                status: 'pending' | 'dead';
                value: unknown;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/connections/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send dead-lettered items again (all, or the listed ids) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ids?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              replayed: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/connections/{id}/resync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue every SKU the channel lists, for every kind the connection pushes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              queued: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/connections/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test connection: one harmless request with the connection's credentials, and its answer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              durationMs: number;
              error: string | null;
              ok: boolean;
              statusCode: number | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channel-sync/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per connection: lag, queue depth, dead-lettered items, pushed and failed counts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string;
                connectionId: string;
                deadLettered: number;
                failed: number;
                /** @enum {string} */
                kind: 'generic' | 'woocommerce' | 'shopify';
                /** @description age of the oldest pending item, else time since the last push */
                lagSeconds: number;
                lastError: string | null;
                lastPushedAt: string | null;
                pausedUntil: string | null;
                pushed: number;
                queueDepth: number;
                requests: number;
                /** @enum {string} */
                status: 'active' | 'paused' | 'disabled';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List channels (a channel-bound key sees its own) */
    get: {
      parameters: {
        query?: {
          type?:
            | 'web'
            | 'mobile_app'
            | 'store'
            | 'marketplace'
            | 'social'
            | 'email'
            | 'chat'
            | 'messaging'
            | 'phone'
            | 'custom';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                id: string;
                locales: string[];
                metadata: {
                  [key: string]: unknown;
                };
                name: string;
                paymentProviders: string[];
                priceListId: string | null;
                /** @enum {string} */
                status: 'active' | 'paused' | 'archived';
                /** @enum {string} */
                type:
                  | 'web'
                  | 'mobile_app'
                  | 'store'
                  | 'marketplace'
                  | 'social'
                  | 'email'
                  | 'chat'
                  | 'messaging'
                  | 'phone'
                  | 'custom';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a channel */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a stable, human-readable handle such as webshop or store-amsterdam */
            code: string;
            currency: string;
            /** @description the first is the default locale */
            locales: string[];
            /** @default {} */
            metadata?: {
              [key: string]: unknown;
            };
            name: string;
            /**
             * @description the payment providers checkout accepts on this channel (default manual); the hub must enable them too (docs/payments.md)
             * @default [
             *       "manual"
             *     ]
             */
            paymentProviders?: string[];
            /**
             * @description the catalog price list (id) this channel sells from; its currency must be the channel currency
             * @default null
             */
            priceListId?: string | null;
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused' | 'archived';
            /** @enum {string} */
            type:
              | 'web'
              | 'mobile_app'
              | 'store'
              | 'marketplace'
              | 'social'
              | 'email'
              | 'chat'
              | 'messaging'
              | 'phone'
              | 'custom';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              id: string;
              locales: string[];
              metadata: {
                [key: string]: unknown;
              };
              name: string;
              paymentProviders: string[];
              priceListId: string | null;
              /** @enum {string} */
              status: 'active' | 'paused' | 'archived';
              /** @enum {string} */
              type:
                | 'web'
                | 'mobile_app'
                | 'store'
                | 'marketplace'
                | 'social'
                | 'email'
                | 'chat'
                | 'messaging'
                | 'phone'
                | 'custom';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/customers/{customerId}/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Products for one customer on a channel (for messages): what goes with what they bought or viewed */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description one of the channel locales */
          locale?: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: {
                code: string;
                id: string;
              };
              items: {
                product: {
                  /** @description sum over the variants */
                  availableToSell: number;
                  categories: string[];
                  channelId: string;
                  currency: string;
                  description: string;
                  handle: string;
                  id: string;
                  images: {
                    alt: string;
                    height: number;
                    id: string;
                    src: string;
                    srcset: {
                      avif: string;
                      jpeg: string;
                      webp: string;
                    };
                    variantId: string | null;
                    width: number;
                  }[];
                  listed: boolean;
                  /** @description the locale the text is in (after fallback) */
                  locale: string;
                  media: string[];
                  title: string;
                  variants: {
                    /**
                     * @description what the channel shows: in stock, out of stock, backorder, pre-order
                     * @enum {string}
                     */
                    availability: 'in_stock' | 'out_of_stock' | 'backorder' | 'preorder';
                    /** @description pre-order release or expected restock date */
                    availableFrom: string | null;
                    availableToSell: number;
                    backorderLimit: number | null;
                    gtin: string | null;
                    id: string;
                    options: {
                      [key: string]: string;
                    };
                    price: {
                      amount: number;
                      currency: string;
                    } | null;
                    priceSource: ('channel' | 'price_list') | null;
                    sku: string;
                    /** @enum {string} */
                    stockPolicy: 'deny' | 'backorder' | 'preorder';
                  }[];
                };
                /**
                 * @description bought_together / viewed_together: history of this product; for_you: of the customer; best_seller: the cold start
                 * @enum {string}
                 */
                reason: 'bought_together' | 'viewed_together' | 'best_seller' | 'for_you';
                /** @description orders together × 3 + customer-days viewed together, or units sold */
                score: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/favourites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A till's product grid: the channel's favourite SKUs in order, with their products */
    get: {
      parameters: {
        query?: {
          /** @description one of the channel locales */
          locale?: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description sum over the variants */
                availableToSell: number;
                categories: string[];
                channelId: string;
                currency: string;
                description: string;
                handle: string;
                id: string;
                images: {
                  alt: string;
                  height: number;
                  id: string;
                  src: string;
                  srcset: {
                    avif: string;
                    jpeg: string;
                    webp: string;
                  };
                  variantId: string | null;
                  width: number;
                }[];
                listed: boolean;
                /** @description the locale the text is in (after fallback) */
                locale: string;
                media: string[];
                title: string;
                variants: {
                  /**
                   * @description what the channel shows: in stock, out of stock, backorder, pre-order
                   * @enum {string}
                   */
                  availability: 'in_stock' | 'out_of_stock' | 'backorder' | 'preorder';
                  /** @description pre-order release or expected restock date */
                  availableFrom: string | null;
                  availableToSell: number;
                  backorderLimit: number | null;
                  gtin: string | null;
                  id: string;
                  options: {
                    [key: string]: string;
                  };
                  price: {
                    amount: number;
                    currency: string;
                  } | null;
                  priceSource: ('channel' | 'price_list') | null;
                  sku: string;
                  /** @enum {string} */
                  stockPolicy: 'deny' | 'backorder' | 'preorder';
                }[];
              }[];
              skus: string[];
            };
          };
        };
      };
    };
    /** Set a till's product grid: the channel's favourite SKUs, in order (a manager's choice) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description at most 48, in grid order */
            skus: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              skus: string[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/feeds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel's product feeds: their URLs (add a feeds:read key as ?token=), what they hold and the per-field problems of variants left out */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              issues: {
                /**
                 * @description why, for a text in the reader language
                 * @enum {string}
                 */
                code: 'id_too_long' | 'no_title' | 'no_description' | 'no_price' | 'no_picture' | 'bad_gtin';
                field: string;
                /** @description the same in English */
                message: string;
                productId: string;
                sku: string;
              }[];
              products: number;
              urls: {
                google: string;
                localInventory: string;
                meta: string;
              };
              variants: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/listings/{product}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Publish or hide a product on a channel, with an optional channel-specific title */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
          /** @description product id or handle */
          product: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default null */
            description?: string | null;
            published: boolean;
            /**
             * @description channel-specific title
             * @default null
             */
            title?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              description: string | null;
              productId: string;
              published: boolean;
              title: string | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/option-labels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Option values' names in the channel's locale, for filters and pickers (colour moss: mos) */
    get: {
      parameters: {
        query?: {
          /** @description one of the channel locales */
          locale?: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                label: string;
                option: string;
                value: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a channel's own prices by SKU (in the channel currency; they win over its price list) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            prices: {
              amount: number;
              /** @description the "was" price shown struck through; null removes it, absent keeps it */
              compareAtAmount?: number | null;
              currency: string;
              sku: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the products listed on a channel, in its locale and currency, with availability */
    get: {
      parameters: {
        query?: {
          category?: string;
          /** @description nextCursor of the previous page */
          cursor?: string;
          limit?: number;
          /** @description one of the channel locales */
          locale?: string;
          /** @description search text (title, handle or SKU) */
          q?: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: {
                code: string;
                currency: string;
                id: string;
                locale: string;
              };
              items: {
                /** @description sum over the variants */
                availableToSell: number;
                categories: string[];
                channelId: string;
                currency: string;
                description: string;
                handle: string;
                id: string;
                images: {
                  alt: string;
                  height: number;
                  id: string;
                  src: string;
                  srcset: {
                    avif: string;
                    jpeg: string;
                    webp: string;
                  };
                  variantId: string | null;
                  width: number;
                }[];
                listed: boolean;
                /** @description the locale the text is in (after fallback) */
                locale: string;
                media: string[];
                title: string;
                variants: {
                  /**
                   * @description what the channel shows: in stock, out of stock, backorder, pre-order
                   * @enum {string}
                   */
                  availability: 'in_stock' | 'out_of_stock' | 'backorder' | 'preorder';
                  /** @description pre-order release or expected restock date */
                  availableFrom: string | null;
                  availableToSell: number;
                  backorderLimit: number | null;
                  gtin: string | null;
                  id: string;
                  options: {
                    [key: string]: string;
                  };
                  price: {
                    amount: number;
                    currency: string;
                  } | null;
                  priceSource: ('channel' | 'price_list') | null;
                  sku: string;
                  /** @enum {string} */
                  stockPolicy: 'deny' | 'backorder' | 'preorder';
                }[];
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/products/{idOrSku}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product (by id, handle or SKU) as a channel shows it; unbound keys also see unlisted ones */
    get: {
      parameters: {
        query?: {
          /** @description one of the channel locales */
          locale?: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
          idOrSku: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description sum over the variants */
              availableToSell: number;
              categories: string[];
              channelId: string;
              currency: string;
              description: string;
              handle: string;
              id: string;
              images: {
                alt: string;
                height: number;
                id: string;
                src: string;
                srcset: {
                  avif: string;
                  jpeg: string;
                  webp: string;
                };
                variantId: string | null;
                width: number;
              }[];
              listed: boolean;
              /** @description the locale the text is in (after fallback) */
              locale: string;
              media: string[];
              title: string;
              variants: {
                /**
                 * @description what the channel shows: in stock, out of stock, backorder, pre-order
                 * @enum {string}
                 */
                availability: 'in_stock' | 'out_of_stock' | 'backorder' | 'preorder';
                /** @description pre-order release or expected restock date */
                availableFrom: string | null;
                availableToSell: number;
                backorderLimit: number | null;
                gtin: string | null;
                id: string;
                options: {
                  [key: string]: string;
                };
                price: {
                  amount: number;
                  currency: string;
                } | null;
                priceSource: ('channel' | 'price_list') | null;
                sku: string;
                /** @enum {string} */
                stockPolicy: 'deny' | 'backorder' | 'preorder';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/products/{idOrSku}/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Products to show beside this one: bought or viewed with it, else best sellers; only what the channel sells */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description one of the channel locales */
          locale?: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
          idOrSku: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: {
                code: string;
                id: string;
              };
              items: {
                product: {
                  /** @description sum over the variants */
                  availableToSell: number;
                  categories: string[];
                  channelId: string;
                  currency: string;
                  description: string;
                  handle: string;
                  id: string;
                  images: {
                    alt: string;
                    height: number;
                    id: string;
                    src: string;
                    srcset: {
                      avif: string;
                      jpeg: string;
                      webp: string;
                    };
                    variantId: string | null;
                    width: number;
                  }[];
                  listed: boolean;
                  /** @description the locale the text is in (after fallback) */
                  locale: string;
                  media: string[];
                  title: string;
                  variants: {
                    /**
                     * @description what the channel shows: in stock, out of stock, backorder, pre-order
                     * @enum {string}
                     */
                    availability: 'in_stock' | 'out_of_stock' | 'backorder' | 'preorder';
                    /** @description pre-order release or expected restock date */
                    availableFrom: string | null;
                    availableToSell: number;
                    backorderLimit: number | null;
                    gtin: string | null;
                    id: string;
                    options: {
                      [key: string]: string;
                    };
                    price: {
                      amount: number;
                      currency: string;
                    } | null;
                    priceSource: ('channel' | 'price_list') | null;
                    sku: string;
                    /** @enum {string} */
                    stockPolicy: 'deny' | 'backorder' | 'preorder';
                  }[];
                };
                /**
                 * @description bought_together / viewed_together: history of this product; for_you: of the customer; best_seller: the cold start
                 * @enum {string}
                 */
                reason: 'bought_together' | 'viewed_together' | 'best_seller' | 'for_you';
                /** @description orders together × 3 + customer-days viewed together, or units sold */
                score: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/products/{idOrSku}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product's published reviews from every channel, newest first, with their count and average */
    get: {
      parameters: {
        query?: {
          limit?: number;
          page?: number;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
          idOrSku: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description mean rating, one decimal; null without reviews */
              average: number | null;
              count: number;
              items: {
                body: string | null;
                /** Format: date-time */
                createdAt: string;
                id: string;
                locale: string;
                rating: number;
                reviewerName: string;
                title: string | null;
                /** @enum {boolean} */
                verifiedPurchase: true;
              }[];
              limit: number;
              page: number;
              productId: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Products to suggest for a cart or a till sale (its SKUs), none of its own; best sellers when it is empty */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description one of the channel locales */
          locale?: string;
          /** @description a SKU of the cart; repeat for more */
          sku?: string | string[];
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: {
                code: string;
                id: string;
              };
              items: {
                product: {
                  /** @description sum over the variants */
                  availableToSell: number;
                  categories: string[];
                  channelId: string;
                  currency: string;
                  description: string;
                  handle: string;
                  id: string;
                  images: {
                    alt: string;
                    height: number;
                    id: string;
                    src: string;
                    srcset: {
                      avif: string;
                      jpeg: string;
                      webp: string;
                    };
                    variantId: string | null;
                    width: number;
                  }[];
                  listed: boolean;
                  /** @description the locale the text is in (after fallback) */
                  locale: string;
                  media: string[];
                  title: string;
                  variants: {
                    /**
                     * @description what the channel shows: in stock, out of stock, backorder, pre-order
                     * @enum {string}
                     */
                    availability: 'in_stock' | 'out_of_stock' | 'backorder' | 'preorder';
                    /** @description pre-order release or expected restock date */
                    availableFrom: string | null;
                    availableToSell: number;
                    backorderLimit: number | null;
                    gtin: string | null;
                    id: string;
                    options: {
                      [key: string]: string;
                    };
                    price: {
                      amount: number;
                      currency: string;
                    } | null;
                    priceSource: ('channel' | 'price_list') | null;
                    sku: string;
                    /** @enum {string} */
                    stockPolicy: 'deny' | 'backorder' | 'preorder';
                  }[];
                };
                /**
                 * @description bought_together / viewed_together: history of this product; for_you: of the customer; best_seller: the cold start
                 * @enum {string}
                 */
                reason: 'bought_together' | 'viewed_together' | 'best_seller' | 'for_you';
                /** @description orders together × 3 + customer-days viewed together, or units sold */
                score: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search a channel's products in its language, forgiving typos, with facets, filters and sorting */
    get: {
      parameters: {
        query?: {
          category?: string;
          /** @description only products with stock to sell */
          inStock?: 'true' | 'false';
          limit?: number;
          /** @description one of the channel locales */
          locale?: string;
          /** @description in minor units of the channel currency */
          maxPrice?: number;
          /** @description in minor units of the channel currency */
          minPrice?: number;
          offset?: number;
          /** @description option name:value a variant must have; repeat for more */
          option?: string | string[];
          /** @description search words; typos are forgiven */
          q?: string;
          sort?: 'relevance' | 'price_asc' | 'price_desc' | 'title' | 'newest';
          /** @description with inStock: stock at this store channel (id or code) */
          store?: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: {
                code: string;
                currency: string;
                id: string;
                locale: string;
              };
              didYouMean: string | null;
              facets: {
                categories: {
                  count: number;
                  value: string;
                }[];
                options: {
                  count: number;
                  name: string;
                  value: string;
                }[];
                price: {
                  max: number;
                  min: number;
                } | null;
                /** @description counted over the first matches only (as many as `total`), not every match: there are more */
                sampled: boolean;
              };
              items: {
                /** @description sum over the variants */
                availableToSell: number;
                categories: string[];
                channelId: string;
                currency: string;
                description: string;
                handle: string;
                id: string;
                images: {
                  alt: string;
                  height: number;
                  id: string;
                  src: string;
                  srcset: {
                    avif: string;
                    jpeg: string;
                    webp: string;
                  };
                  variantId: string | null;
                  width: number;
                }[];
                listed: boolean;
                /** @description the locale the text is in (after fallback) */
                locale: string;
                media: string[];
                title: string;
                variants: {
                  /**
                   * @description what the channel shows: in stock, out of stock, backorder, pre-order
                   * @enum {string}
                   */
                  availability: 'in_stock' | 'out_of_stock' | 'backorder' | 'preorder';
                  /** @description pre-order release or expected restock date */
                  availableFrom: string | null;
                  availableToSell: number;
                  backorderLimit: number | null;
                  gtin: string | null;
                  id: string;
                  options: {
                    [key: string]: string;
                  };
                  price: {
                    amount: number;
                    currency: string;
                  } | null;
                  priceSource: ('channel' | 'price_list') | null;
                  sku: string;
                  /** @enum {string} */
                  stockPolicy: 'deny' | 'backorder' | 'preorder';
                }[];
              }[];
              /** @description every match, or the bound when totalAtLeast */
              total: number;
              /** @description more products match than `total` (a search counts exactly up to a bound, 1,000) */
              totalAtLeast: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{channel}/suggest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Suggestions as the shopper types: the best matching products and a corrected query */
    get: {
      parameters: {
        query: {
          /** @description one of the channel locales */
          locale?: string;
          q: string;
        };
        header?: never;
        path: {
          /** @description channel id or code */
          channel: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              didYouMean: string | null;
              suggestions: {
                handle: string;
                id: string;
                title: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/channels/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a channel by id or code */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              id: string;
              locales: string[];
              metadata: {
                [key: string]: unknown;
              };
              name: string;
              paymentProviders: string[];
              priceListId: string | null;
              /** @enum {string} */
              status: 'active' | 'paused' | 'archived';
              /** @enum {string} */
              type:
                | 'web'
                | 'mobile_app'
                | 'store'
                | 'marketplace'
                | 'social'
                | 'email'
                | 'chat'
                | 'messaging'
                | 'phone'
                | 'custom';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a channel */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currency?: string;
            /** @description the first is the default locale */
            locales?: string[];
            metadata?: {
              [key: string]: unknown;
            };
            name?: string;
            /** @description the payment providers checkout accepts on this channel (default manual); the hub must enable them too (docs/payments.md) */
            paymentProviders?: string[];
            priceListId?: string | null;
            /** @enum {string} */
            status?: 'active' | 'paused' | 'archived';
            /** @enum {string} */
            type?:
              | 'web'
              | 'mobile_app'
              | 'store'
              | 'marketplace'
              | 'social'
              | 'email'
              | 'chat'
              | 'messaging'
              | 'phone'
              | 'custom';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              id: string;
              locales: string[];
              metadata: {
                [key: string]: unknown;
              };
              name: string;
              paymentProviders: string[];
              priceListId: string | null;
              /** @enum {string} */
              status: 'active' | 'paused' | 'archived';
              /** @enum {string} */
              type:
                | 'web'
                | 'mobile_app'
                | 'store'
                | 'marketplace'
                | 'social'
                | 'email'
                | 'chat'
                | 'messaging'
                | 'phone'
                | 'custom';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/chat/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A web chat visitor's message (with the storefront's key)
     * @description The first message names the visitor by the analytics anonymous id (or their shopper session cookie) and returns a chat token; later ones send it in `x-chat-token`.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          'x-chat-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            anonymousId: string;
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversationId: string;
              message: {
                address: string | null;
                attachments: {
                  contentType: string;
                  /** Format: date-time */
                  createdAt: string;
                  filename: string;
                  id: string;
                  messageId: string;
                  sha256: string;
                  size: number;
                }[];
                attempts: number;
                authorId: string | null;
                channelAccountId: string | null;
                channelKind:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                conversationId: string;
                /** Format: date-time */
                createdAt: string;
                /** @enum {string} */
                direction: 'inbound' | 'outbound' | 'note';
                externalId: string | null;
                failureReason: string | null;
                html: string | null;
                id: string;
                inReplyToId: string | null;
                /** Format: date-time */
                occurredAt: string;
                status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
                template: {
                  language: string;
                  name: string;
                  parameters: string[];
                } | null;
                text: string;
                unparsed: boolean;
              };
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/computed-traits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List computed traits */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                definition: {
                  /** @enum {string} */
                  aggregate: 'count' | 'sum' | 'min' | 'max' | 'first' | 'last' | 'most_frequent';
                  event: string;
                  property?: string;
                  windowDays: number;
                };
                id: string;
                /** @enum {string} */
                status: 'active' | 'paused';
                traitKey: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Save a computed trait definition */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            definition: {
              /** @enum {string} */
              aggregate: 'count' | 'sum' | 'min' | 'max' | 'first' | 'last' | 'most_frequent';
              event: string;
              property?: string;
              windowDays: number;
            };
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused';
            traitKey: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              definition: {
                /** @enum {string} */
                aggregate: 'count' | 'sum' | 'min' | 'max' | 'first' | 'last' | 'most_frequent';
                event: string;
                property?: string;
                windowDays: number;
              };
              id: string;
              /** @enum {string} */
              status: 'active' | 'paused';
              traitKey: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/computed-traits/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a computed trait (values written stay) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a computed trait */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            definition?: {
              /** @enum {string} */
              aggregate: 'count' | 'sum' | 'min' | 'max' | 'first' | 'last' | 'most_frequent';
              event: string;
              property?: string;
              windowDays: number;
            };
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              definition: {
                /** @enum {string} */
                aggregate: 'count' | 'sum' | 'min' | 'max' | 'first' | 'last' | 'most_frequent';
                event: string;
                property?: string;
                windowDays: number;
              };
              id: string;
              /** @enum {string} */
              status: 'active' | 'paused';
              traitKey: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/connectors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List connectors */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                id: string;
                /** @enum {string} */
                kind: 'generic' | 'shopify' | 'woocommerce';
                locationId: string | null;
                mapping: string | null;
                name: string;
                /** @enum {string} */
                status: 'active' | 'paused';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Connect a source (Shopify, WooCommerce or generic JSON); deliveries go to POST /api/inbound/{id} */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description the sales channel imported orders belong to
             * @default null
             */
            channelId?: string | null;
            /** @enum {string} */
            kind: 'generic' | 'shopify' | 'woocommerce';
            /**
             * @description the stock location stock updates apply to
             * @default null
             */
            locationId?: string | null;
            /**
             * @description generic connectors: JSONata from {topic, payload, headers} to one or more hub commands
             * @default null
             */
            mapping?: string | null;
            name: string;
            /** @description the sender's signing secret (Shopify app secret, WooCommerce webhook secret, or a whsec_ secret); generated when omitted */
            secret?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              deliveryPath: string;
              id: string;
              /** @enum {string} */
              kind: 'generic' | 'shopify' | 'woocommerce';
              locationId: string | null;
              mapping: string | null;
              name: string;
              secret: string;
              /** @enum {string} */
              status: 'active' | 'paused';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connectors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a connector */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'generic' | 'shopify' | 'woocommerce';
              locationId: string | null;
              mapping: string | null;
              name: string;
              /** @enum {string} */
              status: 'active' | 'paused';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a connector with its stored deliveries; the source must stop sending (later deliveries get 404) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a connector (mapping, channel, location, paused) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelId?: string | null;
            locationId?: string | null;
            mapping?: string | null;
            name?: string;
            /** @enum {string} */
            status?: 'active' | 'paused';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'generic' | 'shopify' | 'woocommerce';
              locationId: string | null;
              mapping: string | null;
              name: string;
              /** @enum {string} */
              status: 'active' | 'paused';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/connectors/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Raw deliveries received by a connector, newest first (rejected and parked ones keep their error) */
    get: {
      parameters: {
        query?: {
          /** @description the `next` cursor of the previous page */
          before?: string;
          limit?: number;
          status?: 'received' | 'processed' | 'parked' | 'rejected';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                connectorId: string;
                error: string | null;
                externalId: string;
                headers: {
                  [key: string]: string;
                };
                id: string;
                processedAt: string | null;
                rawBody: string;
                /** Format: date-time */
                receivedAt: string;
                result: unknown;
                /** @enum {string} */
                status: 'received' | 'processed' | 'parked' | 'rejected';
                topic: string;
              }[];
              next: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connectors/{id}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Translate a sample payload into hub commands without running them */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description try a mapping before saving it (generic connectors) */
            mapping?: string;
            payload: unknown;
            /** @default generic */
            topic?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              commands: unknown[];
              errors: string[];
              valid: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/connectors/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sync health per connector: received, processed, parked, rejected, waiting and lag */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                connectorId: string;
                /** @enum {string} */
                kind: 'generic' | 'shopify' | 'woocommerce';
                /** @description now − receipt of the oldest delivery not processed yet; 0 when none */
                lagSeconds: number;
                lastReceivedAt: string | null;
                name: string;
                parked: number;
                processed: number;
                received: number;
                rejected: number;
                waiting: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search customers by email, phone, external id (type:value), name, tag, or any part of them (q) */
    get: {
      parameters: {
        query?: {
          email?: string;
          /** @description type:value, e.g. marketplace_buyer:B-123 */
          externalId?: string;
          limit?: number;
          name?: string;
          phone?: string;
          /** @description part of a name, an email address or a phone number */
          q?: string;
          tag?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                email: string | null;
                id: string;
                lastSeenAt: string | null;
                name: string | null;
                phone: string | null;
                /** @enum {string} */
                stage:
                  | 'visitor'
                  | 'engaged'
                  | 'cart_abandoner'
                  | 'first_time_buyer'
                  | 'repeat'
                  | 'loyal'
                  | 'at_risk'
                  | 'lapsed';
                status: string;
                tags: string[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The single customer view: identities, traits, consent, stage and the first timeline page */
    get: {
      parameters: {
        query?: {
          timelineLimit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              computed: {
                channels: {
                  channelId: string;
                  events: number;
                  /** Format: date-time */
                  firstSeenAt: string;
                  /** Format: date-time */
                  lastSeenAt: string;
                }[];
                eventCount: number;
                firstSeenAt: string | null;
                lastSeenAt: string | null;
                lifetimeValue: {
                  amount: number;
                  currency: string;
                }[];
                orderCount: number;
                preferredChannelId: string | null;
              };
              consent: {
                /** Format: date-time */
                at: string;
                /** @description a channel id, or '*' for every channel */
                channel: string;
                purpose: string;
                sourceChannelId: string | null;
                /** @enum {string} */
                status: 'granted' | 'denied' | 'revoked';
              }[];
              /** Format: date-time */
              createdAt: string;
              id: string;
              identities: {
                channelId: string | null;
                /** Format: date-time */
                firstSeenAt: string;
                /** @description the profile the identifier first landed on */
                profileId: string;
                /** @enum {string} */
                trust: 'verified' | 'claimed';
                type: string;
                value: string;
              }[];
              mergedProfileIds: string[];
              /** @description the id asked for; differs from id when that profile was merged */
              requestedId: string;
              /** @enum {string} */
              stage:
                | 'visitor'
                | 'engaged'
                | 'cart_abandoner'
                | 'first_time_buyer'
                | 'repeat'
                | 'loyal'
                | 'at_risk'
                | 'lapsed';
              stageChangedAt: string | null;
              status: string;
              tags: {
                /** Format: date-time */
                addedAt: string;
                channelId: string | null;
                /** @description the profile it was put on (the root at the time) */
                profileId: string;
                tag: string;
              }[];
              timeline: {
                items: {
                  channelId: string | null;
                  id: string;
                  kind: string;
                  name: string | null;
                  /** Format: date-time */
                  occurredAt: string;
                  profileId: string;
                  properties: {
                    [key: string]: unknown;
                  };
                }[];
                nextCursor: string | null;
              };
              traits: {
                [key: string]: {
                  at: string;
                  channelId: string | null;
                  value: unknown;
                };
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/audiences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audiences a customer is in */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              items: {
                audienceId: string;
                key: string;
                name: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record a consent decision for a purpose on a channel */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a channel id or '*' for every channel */
            channel: string;
            granted: boolean;
            purpose: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              computed: {
                channels: {
                  channelId: string;
                  events: number;
                  /** Format: date-time */
                  firstSeenAt: string;
                  /** Format: date-time */
                  lastSeenAt: string;
                }[];
                eventCount: number;
                firstSeenAt: string | null;
                lastSeenAt: string | null;
                lifetimeValue: {
                  amount: number;
                  currency: string;
                }[];
                orderCount: number;
                preferredChannelId: string | null;
              };
              consent: {
                /** Format: date-time */
                at: string;
                /** @description a channel id, or '*' for every channel */
                channel: string;
                purpose: string;
                sourceChannelId: string | null;
                /** @enum {string} */
                status: 'granted' | 'denied' | 'revoked';
              }[];
              /** Format: date-time */
              createdAt: string;
              id: string;
              identities: {
                channelId: string | null;
                /** Format: date-time */
                firstSeenAt: string;
                /** @description the profile the identifier first landed on */
                profileId: string;
                /** @enum {string} */
                trust: 'verified' | 'claimed';
                type: string;
                value: string;
              }[];
              mergedProfileIds: string[];
              /** @description the id asked for; differs from id when that profile was merged */
              requestedId: string;
              /** @enum {string} */
              stage:
                | 'visitor'
                | 'engaged'
                | 'cart_abandoner'
                | 'first_time_buyer'
                | 'repeat'
                | 'loyal'
                | 'at_risk'
                | 'lapsed';
              stageChangedAt: string | null;
              status: string;
              tags: {
                /** Format: date-time */
                addedAt: string;
                channelId: string | null;
                /** @description the profile it was put on (the root at the time) */
                profileId: string;
                tag: string;
              }[];
              timeline: {
                items: {
                  channelId: string | null;
                  id: string;
                  kind: string;
                  name: string | null;
                  /** Format: date-time */
                  occurredAt: string;
                  profileId: string;
                  properties: {
                    [key: string]: unknown;
                  };
                }[];
                nextCursor: string | null;
              };
              traits: {
                [key: string]: {
                  at: string;
                  channelId: string | null;
                  value: unknown;
                };
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's conversations (their whole merged cluster), newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                assigneeId: string | null;
                channelId: string | null;
                channelKinds: (
                  | 'web_chat'
                  | 'email'
                  | 'messenger'
                  | 'instagram'
                  | 'whatsapp'
                  | 'sms'
                  | 'phone_note'
                  | 'store_note'
                )[];
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                firstResponseAt: string | null;
                id: string;
                lastInboundAt: string | null;
                lastInboundChannel:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                /** Format: date-time */
                lastMessageAt: string;
                mergedInto: string | null;
                messageCount: number;
                resolvedAt: string | null;
                snoozedUntil: string | null;
                /** @enum {string} */
                status: 'open' | 'pending' | 'snoozed' | 'resolved';
                subject: string | null;
                tags: string[];
                teamId: string | null;
                unreadCount: number;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** GDPR erasure: remove personal data, keep an audit record, emit customer.erased */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              erasedAt: string;
              erasedProfileIds: string[];
              eventsAnonymized: number;
              identifiersErased: number;
              /** @description records redacted outside the customer tables, by kind (orders, carts, events…) */
              redacted: {
                [key: string]: number;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GDPR export: everything held about this customer (profiles, identifiers, events, consent and its history, orders, carts), as JSON */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/identity-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why this customer is who it is: merges, refusals, unmerges */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actor: string;
                /** Format: date-time */
                at: string;
                details: {
                  [key: string]: unknown;
                };
                id: string;
                kind: string;
                profileId: string;
                reason: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/merges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Merges involving this customer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actor: string;
                /** Format: date-time */
                createdAt: string;
                evidence: {
                  [key: string]: unknown;
                };
                id: string;
                loserId: string;
                movedProfileIds: string[];
                reason: string;
                /** @enum {string} */
                status: 'active' | 'undone';
                undoneAt: string | null;
                winnerId: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's messages (sent, held, refused with the reason) and journey runs */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              messages: {
                /** @description the sales channel it is about (the cart’s, the order’s) */
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description the provider's last report on a sent message (Twilio's SMS status callback) */
                deliveryStatus: ('sent' | 'delivered' | 'undelivered' | 'failed' | 'read') | null;
                /** Format: date-time */
                dueAt: string;
                /** @description the format it went out on (email, sms, whatsapp, push…) */
                format: string | null;
                /** @description the channel order it was tried in */
                formats: string[];
                id: string;
                /** @description the journey whose run sent it */
                journey: string | null;
                purpose: string;
                reason: string | null;
                runId: string | null;
                sentAt: string | null;
                status: string;
                templateKey: string;
              }[];
              runs: {
                dueAt: string | null;
                exitReason: string | null;
                id: string;
                journey: string;
                ref: string;
                /** Format: date-time */
                startedAt: string;
                status: string;
                step: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/next-message': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The message for a customer now (an agent in the inbox, a message), with why */
    get: {
      parameters: {
        query?: {
          /** @description the channel it is for (a bound key: its own) */
          channel?: string;
          locale?: string;
          touchpoint?: 'storefront' | 'app' | 'pos' | 'inbox';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              marketingConsent: {
                allowed: boolean;
                reason: string | null;
              };
              /** @description null: nothing to show now */
              message: {
                /** @enum {string} */
                kind: 'pickup_ready' | 'open_cart' | 'tier_close' | 'recommended';
                link: string | null;
                params: {
                  [key: string]: string | number;
                };
                /** @description needs marketing consent; pickup_ready does not */
                promotional: boolean;
                reason: string;
                ref: string;
              } | null;
              skipped: {
                /** @enum {string} */
                kind: 'pickup_ready' | 'open_cart' | 'tier_close' | 'recommended';
                reason: string;
              }[];
              /** @enum {string} */
              touchpoint: 'storefront' | 'app' | 'pos' | 'inbox';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's orders from every channel, newest first (merged profiles included)
     * @description A channel-bound key may read this for a customer seen on its channel (their own history on the account page).
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              items: {
                cartId: string | null;
                channel: {
                  code: string;
                  name: string;
                  type: string;
                } | null;
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery:
                  | {
                      address: {
                        city: string;
                        country: string;
                        latitude?: number;
                        line1: string;
                        line2?: string;
                        longitude?: number;
                        name?: string;
                        phone?: string;
                        postalCode: string;
                        region?: string;
                      };
                      method: string;
                      /** @enum {string} */
                      type: 'ship';
                    }
                  | {
                      locationId: string;
                      locationName: string | null;
                      /** @enum {string} */
                      type: 'pickup';
                    }
                  | {
                      /**
                       * @description bought and taken at the till
                       * @enum {string}
                       */
                      type: 'carry_out';
                    };
                email: string | null;
                externalId: string | null;
                externalSource: string | null;
                history: {
                  /** Format: date-time */
                  at: string;
                  /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                  by?: string | null;
                  from:
                    | (
                        | 'pending'
                        | 'paid'
                        | 'allocated'
                        | 'partially_fulfilled'
                        | 'fulfilled'
                        | 'completed'
                        | 'cancelled'
                        | 'refunded'
                      )
                    | null;
                  reason: string | null;
                  /** @enum {string} */
                  to:
                    | 'pending'
                    | 'paid'
                    | 'allocated'
                    | 'partially_fulfilled'
                    | 'fulfilled'
                    | 'completed'
                    | 'cancelled'
                    | 'refunded';
                }[];
                id: string;
                lines: {
                  /** @description set when units were sold beyond the stock */
                  backorder?: {
                    /** @description YYYY-MM-DD: the release or expected restock date */
                    expectedFrom: string | null;
                    /** @enum {string} */
                    kind: 'backorder' | 'preorder';
                    /** @description units waiting for stock */
                    quantity: number;
                  };
                  discount: number;
                  fulfilledQuantity: number;
                  lineId: string;
                  priceOverride?: {
                    approvedBy: string | null;
                    approvedByName: string | null;
                    by: string;
                    byName: string;
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  returnedQuantity: number;
                  sku: string;
                  tax: number;
                  title: string;
                  /** @description quantity × unit price − discount + tax */
                  total: number;
                  unitPrice: number;
                }[];
                metadata: {
                  [key: string]: unknown;
                };
                /** @description the order number people read and search, e.g. OH-10234 */
                number: string;
                paidAmount: number;
                phone: string | null;
                /** @description click & collect: the code the customer shows at the store */
                pickup: {
                  code: string;
                  expiresAt: string | null;
                  locationId: string;
                } | null;
                /** @description click & collect: where the pickup stands (open, ready_for_pickup, collected…) */
                pickupStatus:
                  | ('open' | 'ready_for_pickup' | 'shipped' | 'collected' | 'cancelled' | 'expired')
                  | null;
                /** Format: date-time */
                placedAt: string;
                refundedAmount: number;
                refunds: {
                  amount: number;
                  /** Format: date-time */
                  createdAt: string;
                  currency: string;
                  method: string;
                  /** @description a refund to store credit: the code to spend it with */
                  storeCreditCode: string | null;
                }[];
                reservationIds: string[];
                /** @enum {string} */
                source: 'native' | 'imported';
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totals: {
                  discount: number;
                  grand: number;
                  items: number;
                  shipping: number;
                  tax: number;
                };
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add and remove tags (idempotent; tags are trimmed and lower-cased)
     * @description A merged profile id acts on the surviving customer. Emits customer.tags_changed when a tag was added or removed.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            add?: string[];
            /** @default [] */
            remove?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description tags the customer did not have before */
              added: string[];
              /** @description the surviving profile the change was made on */
              customerId: string;
              /** @description tags the customer had before */
              removed: string[];
              /** @description the change was made before under the same ref (nothing done) */
              repeated: boolean;
              tags: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the cross-channel timeline, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string | null;
                id: string;
                kind: string;
                name: string | null;
                /** Format: date-time */
                occurredAt: string;
                profileId: string;
                properties: {
                  [key: string]: unknown;
                };
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/traits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Set traits, newest wins (as ingestion stores them), with their channel and time
     * @description A value older than the one the customer holds is ignored. email and phone are identifiers: use /customers/identify. A merged profile id acts on the surviving customer. Emits customer.traits_changed with the changed trait names.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the channel it was learnt on (default: the key's) */
            channelId?: string;
            /** @description when it was learnt (default: now) */
            occurredAt?: unknown;
            traits: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description keys whose value the customer view shows changed */
              changed: string[];
              /** @description the surviving profile the change was made on */
              customerId: string;
              /** @description the change was made before under the same ref (nothing done) */
              repeated: boolean;
              /** @description the customer's traits after the update */
              traits: {
                [key: string]: {
                  at: string;
                  channelId: string | null;
                  value: unknown;
                };
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/customers/{id}/wallet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's wallet: points and tier, store credit, gift cards (merged profiles included)
     * @description A channel-bound key (a till) reads it for a customer its channel has seen, as with their orders; 404 otherwise.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              giftCards: {
                /** @description points, or minor units of the currency */
                balance: number;
                /** @description the last characters of the code, never the code */
                codeHint: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description null for points */
                currency: string | null;
                expiresAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'points' | 'gift_card' | 'store_credit';
                lifetime: number;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'blocked';
                tier: string | null;
              }[];
              points: {
                accountId: string;
                balance: number;
                lifetime: number;
                nextTier: {
                  code: string;
                  name: string;
                  pointsToGo: number;
                } | null;
                tier: string | null;
              } | null;
              storeCredit: {
                /** @description points, or minor units of the currency */
                balance: number;
                /** @description the last characters of the code, never the code */
                codeHint: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description null for points */
                currency: string | null;
                expiresAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'points' | 'gift_card' | 'store_credit';
                lifetime: number;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'blocked';
                tier: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/identify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Find or create the customer these identifiers belong to */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelId: string;
            identifiers: {
              /** @enum {string} */
              trust?: 'verified' | 'claimed';
              type: string;
              value: string;
            }[];
            traits?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/identity-config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The retailer's identity rules in force, and the hub's defaults */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              config: components['schemas']['IdentityConfig'];
              defaults: components['schemas']['IdentityConfig'];
              updatedAt: string | null;
              updatedBy: string | null;
            };
          };
        };
      };
    };
    /** Replace the retailer's identity rules (every node applies them within 5 s) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['IdentityConfigInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              config: components['schemas']['IdentityConfig'];
              defaults: components['schemas']['IdentityConfig'];
              updatedAt: string | null;
              updatedBy: string | null;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/merge-reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The review queue: links that broke a merge protection rule */
    get: {
      parameters: {
        query?: {
          status?: 'open' | 'approved' | 'rejected';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                decidedAt: string | null;
                decidedBy: string | null;
                evidence: {
                  [key: string]: unknown;
                };
                id: string;
                mergeId: string | null;
                profileIds: string[];
                reason: string;
                rule: string;
                /** @enum {string} */
                status: 'open' | 'approved' | 'rejected';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/merge-reviews/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (merge) a review */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              decidedAt: string | null;
              decidedBy: string | null;
              evidence: {
                [key: string]: unknown;
              };
              id: string;
              mergeId: string | null;
              profileIds: string[];
              reason: string;
              rule: string;
              /** @enum {string} */
              status: 'open' | 'approved' | 'rejected';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/merge-reviews/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject (keep apart) a review */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              decidedAt: string | null;
              decidedBy: string | null;
              evidence: {
                [key: string]: unknown;
              };
              id: string;
              mergeId: string | null;
              profileIds: string[];
              reason: string;
              rule: string;
              /** @enum {string} */
              status: 'open' | 'approved' | 'rejected';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/merges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge two customers (protection rules apply unless force) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default false */
            force?: boolean;
            profileIds: [string, string];
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actor: string;
              /** Format: date-time */
              createdAt: string;
              evidence: {
                [key: string]: unknown;
              };
              id: string;
              loserId: string;
              movedProfileIds: string[];
              reason: string;
              /** @enum {string} */
              status: 'active' | 'undone';
              undoneAt: string | null;
              winnerId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/merges/{id}/unmerge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Undo a merge: both customers come back as they were */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actor: string;
              /** Format: date-time */
              createdAt: string;
              evidence: {
                [key: string]: unknown;
              };
              id: string;
              loserId: string;
              movedProfileIds: string[];
              reason: string;
              /** @enum {string} */
              status: 'active' | 'undone';
              undoneAt: string | null;
              winnerId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/shared-devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Device ids that never link customers (tills, kiosks) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                note: string | null;
                value: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Mark a device id as shared */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
            value: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/shared-devices/{value}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unmark a shared device id */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          value: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List ingestion sources */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                id: string;
                keyPrefix: string;
                name: string;
                revokedAt: string | null;
                sharedDevices: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create an ingestion source for a channel; its write key is shown only in this reply */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelId: string;
            name: string;
            /**
             * @description true for store tills and kiosks: their device ids never link customers
             * @default false
             */
            sharedDevices?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              keyPrefix: string;
              name: string;
              revokedAt: string | null;
              sharedDevices: boolean;
              writeKey: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/sources/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a write key */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              keyPrefix: string;
              name: string;
              revokedAt: string | null;
              sharedDevices: boolean;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/destinations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List destinations with their counters */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                endpointId: string;
                filter: string | null;
                filtered: number;
                forwarded: number;
                id: string;
                kinds: ('track' | 'page' | 'screen' | 'identify')[];
                mapping: string | null;
                name: string;
                purpose: string | null;
                /** @enum {string} */
                status: 'active' | 'paused';
                suppressed: number;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Forward raw events to a webhook endpoint */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            endpointId: string;
            filter?: string | null;
            /**
             * @default [
             *       "track",
             *       "page",
             *       "identify"
             *     ]
             */
            kinds?: ('track' | 'page' | 'screen' | 'identify')[];
            mapping?: string | null;
            name: string;
            purpose?: string | null;
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              endpointId: string;
              filter: string | null;
              filtered: number;
              forwarded: number;
              id: string;
              kinds: ('track' | 'page' | 'screen' | 'identify')[];
              mapping: string | null;
              name: string;
              purpose: string | null;
              /** @enum {string} */
              status: 'active' | 'paused';
              suppressed: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/destinations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a destination */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              endpointId: string;
              filter: string | null;
              filtered: number;
              forwarded: number;
              id: string;
              kinds: ('track' | 'page' | 'screen' | 'identify')[];
              mapping: string | null;
              name: string;
              purpose: string | null;
              /** @enum {string} */
              status: 'active' | 'paused';
              suppressed: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a destination */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a destination */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            endpointId?: string;
            filter?: string | null;
            /**
             * @default [
             *       "track",
             *       "page",
             *       "identify"
             *     ]
             */
            kinds?: ('track' | 'page' | 'screen' | 'identify')[];
            mapping?: string | null;
            name?: string;
            purpose?: string | null;
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              endpointId: string;
              filter: string | null;
              filtered: number;
              forwarded: number;
              id: string;
              kinds: ('track' | 'page' | 'screen' | 'identify')[];
              mapping: string | null;
              name: string;
              purpose: string | null;
              /** @enum {string} */
              status: 'active' | 'paused';
              suppressed: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the event log in order (CloudEvents 1.0), from a cursor or after an event id, or its newest events
     * @description `next` is past every event read, matching the filter or not; a page with fewer items than the limit ends at the head of the log. With `newest=true` (and no `after`): the newest `limit` matching events, in log order, among the last 100000 of the log, and `next` is the head they were read at, to read on from.
     */
    get: {
      parameters: {
        query?: {
          /** @description an event id or a cursor (omnihubcursor) to read after */
          after?: string;
          /** @description at a till (inbox:till): also the inbox events about the customer of this sale’s cart (as /api/stream?cart=), for polling when the stream is unavailable */
          cart?: string;
          limit?: number;
          /** @description the newest events instead of those after a cursor */
          newest?: 'true' | 'false';
          subject?: string;
          /** @description comma-separated types; a trailing * matches a prefix */
          types?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                data: {
                  [key: string]: unknown;
                };
                /** @enum {string} */
                datacontenttype: 'application/json';
                /** @description the payload's JSON Schema, served by the hub at this path */
                dataschema?: string;
                id: string;
                omnihubchannel?: string;
                omnihubcursor: string;
                source: string;
                /** @enum {string} */
                specversion: '1.0';
                subject: string;
                time: string;
                type: string;
              }[];
              next: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports/catalog': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the catalog and on-hand stock in the import format (streamed CSV or NDJSON) */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'ndjson';
          /** @description CSV: cells starting with = + - @ get a leading ' so spreadsheets show text (verbatim: as stored) */
          formulas?: 'neutralise' | 'verbatim';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/fulfilments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A location's fulfilment tasks (e.g. a store's open click & collect pickups) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          locationId?: string;
          status?: 'open' | 'ready_for_pickup' | 'shipped' | 'collected' | 'cancelled' | 'expired';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                /** @enum {string} */
                kind: 'ship_from_warehouse' | 'ship_from_store' | 'pickup' | 'counter';
                lines: {
                  quantity: number;
                  reservationId: string | null;
                  sku: string;
                }[];
                locationId: string;
                orderId: string;
                routing: {
                  distanceKm: number | null;
                  /** @description why this location was chosen */
                  reason: string;
                  strategy: string;
                };
                /** @enum {string} */
                status: 'open' | 'ready_for_pickup' | 'shipped' | 'collected' | 'cancelled' | 'expired';
                tracking: {
                  [key: string]: unknown;
                } | null;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/fulfilments/{id}/ready-for-pickup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Store staff have picked a click & collect order (emits order.ready_for_pickup) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'ship_from_warehouse' | 'ship_from_store' | 'pickup' | 'counter';
              lines: {
                quantity: number;
                reservationId: string | null;
                sku: string;
              }[];
              locationId: string;
              orderId: string;
              routing: {
                distanceKm: number | null;
                /** @description why this location was chosen */
                reason: string;
                strategy: string;
              };
              /** @enum {string} */
              status: 'open' | 'ready_for_pickup' | 'shipped' | 'collected' | 'cancelled' | 'expired';
              tracking: {
                [key: string]: unknown;
              } | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/fulfilments/{id}/ship': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A shipment left its warehouse or store (stock goes out; the order follows) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            carrier?: string;
            trackingNumber?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/gift-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a gift card (sold at the till or online); the code is in this answer only */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description minor units */
            amount: number;
            currency: string;
            /** @description the customer it is given to, if any */
            customerId?: string;
            expiresAt?: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              account: {
                /** @description points, or minor units of the currency */
                balance: number;
                /** @description the last characters of the code, never the code */
                codeHint: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description null for points */
                currency: string | null;
                expiresAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'points' | 'gift_card' | 'store_credit';
                lifetime: number;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'blocked';
                tier: string | null;
              };
              code: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/gift-cards/balance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The balance of a gift card or store credit code (POST: the code stays out of URLs and logs)
     * @description 404 wallet_code_unknown; 429 wallet_lookups_limited after 10 unknown codes in 15 minutes.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              balance: number;
              codeHint: string | null;
              currency: string | null;
              expiresAt: string | null;
              /** @enum {string} */
              kind: 'points' | 'gift_card' | 'store_credit';
              /** @enum {string} */
              status: 'active' | 'blocked' | 'expired';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent imports */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                bytesRead: number;
                bytesTotal: number | null;
                /** @description accepted rows per kind */
                counts: {
                  [key: string]: number;
                };
                /** Format: date-time */
                createdAt: string;
                error: string | null;
                finishedAt: string | null;
                /** @enum {string} */
                format: 'csv' | 'ndjson';
                id: string;
                /** @description bytes read / bytes total, when the size is known */
                progress: number | null;
                rowsAccepted: number;
                rowsRead: number;
                rowsRejected: number;
                source: string | null;
                /** @enum {string} */
                status: 'running' | 'completed' | 'failed';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Import products, variants, prices, listings and stock (CSV or NDJSON body, streamed)
     * @description Rows have a kind (product, variant, price, listing, stock); see docs. Valid rows are stored, bad ones are listed in the import report with their line number. Poll GET /imports/{id} from another client for progress.
     */
    post: {
      parameters: {
        query?: {
          /** @description a Shopify or WooCommerce export: the channel (code) whose listings follow Published */
          channel?: string;
          /** @description 1: validate only — the answer lists every line's result and nothing is written */
          dry_run?: '0' | '1' | 'true' | 'false';
          format?: 'csv' | 'ndjson';
          /** @description a Shopify or WooCommerce export: the location (code) its stock quantities are on hand at */
          location?: string;
          /** @description a Shopify or WooCommerce export: the price list (code) its prices go to, in the list's currency */
          price_list?: string;
          /** @description a name for the report, e.g. the file name */
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              counts: {
                [key: string]: number;
              };
              /** @enum {boolean} */
              dryRun: true;
              error: string | null;
              lines: {
                kind?: string;
                line: number;
                reasons?: string[];
                /** @enum {string} */
                result: 'accepted' | 'rejected';
              }[];
              rowsAccepted: number;
              rowsRead: number;
              rowsRejected: number;
              /** @enum {string} */
              status: 'completed' | 'failed';
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bytesRead: number;
              bytesTotal: number | null;
              /** @description accepted rows per kind */
              counts: {
                [key: string]: number;
              };
              /** Format: date-time */
              createdAt: string;
              error: string | null;
              finishedAt: string | null;
              /** @enum {string} */
              format: 'csv' | 'ndjson';
              id: string;
              /** @description bytes read / bytes total, when the size is known */
              progress: number | null;
              rowsAccepted: number;
              rowsRead: number;
              rowsRejected: number;
              source: string | null;
              /** @enum {string} */
              status: 'running' | 'completed' | 'failed';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import with its progress and counts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bytesRead: number;
              bytesTotal: number | null;
              /** @description accepted rows per kind */
              counts: {
                [key: string]: number;
              };
              /** Format: date-time */
              createdAt: string;
              error: string | null;
              finishedAt: string | null;
              /** @enum {string} */
              format: 'csv' | 'ndjson';
              id: string;
              /** @description bytes read / bytes total, when the size is known */
              progress: number | null;
              rowsAccepted: number;
              rowsRead: number;
              rowsRejected: number;
              source: string | null;
              /** @enum {string} */
              status: 'running' | 'completed' | 'failed';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/rejections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rejected rows of an import: line number, reasons and the row as read */
    get: {
      parameters: {
        query?: {
          /** @description the last line of the previous page */
          cursor?: number;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                line: number;
                reasons: string[];
                row: {
                  [key: string]: unknown;
                } | null;
              }[];
              nextCursor: number | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import customers (CSV or NDJSON body, streamed; or a Shopify/WooCommerce customer export)
     * @description Columns: email, phone, external_id, external_type, first_name, last_name, tags, accepts_email_marketing, accepts_sms_marketing, consent_at, address_line1, address_line2, postal_code, city, region, country, note. Each row goes through identity resolution (matched and merged by the customers module's rules). accepts_email_marketing / accepts_sms_marketing "yes" grant email_marketing / sms_marketing consent for every channel with source "import", at consent_at or the import's time; "no" records nothing (an export cannot tell a refusal from never asked). The same row imported again writes nothing. The report names lines and reasons, never values.
     */
    post: {
      parameters: {
        query: {
          /** @description the channel (code or id) these customers or orders belong to */
          channel: string;
          /** @description 1: validate only — the answer lists every line's result and nothing is written */
          dry_run?: '0' | '1' | 'true' | 'false';
          format?: 'csv' | 'ndjson';
          /** @description a name for the report, e.g. the file name */
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              counts: {
                [key: string]: number;
              };
              /** @enum {boolean} */
              dryRun: true;
              error: string | null;
              lines: {
                kind?: string;
                line: number;
                reasons?: string[];
                /** @enum {string} */
                result: 'accepted' | 'rejected';
              }[];
              rowsAccepted: number;
              rowsRead: number;
              rowsRejected: number;
              /** @enum {string} */
              status: 'completed' | 'failed';
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bytesRead: number;
              bytesTotal: number | null;
              /** @description accepted rows per kind */
              counts: {
                [key: string]: number;
              };
              /** Format: date-time */
              createdAt: string;
              error: string | null;
              finishedAt: string | null;
              /** @enum {string} */
              format: 'csv' | 'ndjson';
              id: string;
              /** @description bytes read / bytes total, when the size is known */
              progress: number | null;
              rowsAccepted: number;
              rowsRead: number;
              rowsRejected: number;
              source: string | null;
              /** @enum {string} */
              status: 'running' | 'completed' | 'failed';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import order history (CSV or NDJSON body, streamed; or a Shopify/WooCommerce order export)
     * @description One row per order line, an order's rows together; its fields on its first row. Columns: order_id, source, placed_at, status, currency, email, phone, customer_id, customer_type, sku, title, quantity, unit_price, line_tax, shipping, discount, discount_code, paid_amount, refunded_amount, ship_name, ship_line1, ship_line2, ship_postal_code, ship_city, ship_region, ship_country, note (amounts in minor units). Fulfilled, completed, cancelled and refunded orders keep their date and status and never reserve or move stock (a SKU the catalog no longer has is kept on the line); pending and paid orders are live and reserve stock like a marketplace order. An order already in the hub under the same source and id writes nothing; name the connector to share its webhooks' source.
     */
    post: {
      parameters: {
        query?: {
          /** @description the channel the orders belong to (default: the connector's) */
          channel?: string;
          /** @description the inbound connector (id) whose webhooks deliver these orders too: both are one order */
          connector?: string;
          /** @description 1: validate only — the answer lists every line's result and nothing is written */
          dry_run?: '0' | '1' | 'true' | 'false';
          format?: 'csv' | 'ndjson';
          /** @description a name for the report, e.g. the file name */
          source?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              counts: {
                [key: string]: number;
              };
              /** @enum {boolean} */
              dryRun: true;
              error: string | null;
              lines: {
                kind?: string;
                line: number;
                reasons?: string[];
                /** @enum {string} */
                result: 'accepted' | 'rejected';
              }[];
              rowsAccepted: number;
              rowsRead: number;
              rowsRejected: number;
              /** @enum {string} */
              status: 'completed' | 'failed';
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              bytesRead: number;
              bytesTotal: number | null;
              /** @description accepted rows per kind */
              counts: {
                [key: string]: number;
              };
              /** Format: date-time */
              createdAt: string;
              error: string | null;
              finishedAt: string | null;
              /** @enum {string} */
              format: 'csv' | 'ndjson';
              id: string;
              /** @description bytes read / bytes total, when the size is known */
              progress: number | null;
              rowsAccepted: number;
              rowsRead: number;
              rowsRejected: number;
              source: string | null;
              /** @enum {string} */
              status: 'running' | 'completed' | 'failed';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbound-deliveries/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Process a parked delivery again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              connectorId: string;
              error: string | null;
              externalId: string;
              headers: {
                [key: string]: string;
              };
              id: string;
              processedAt: string | null;
              rawBody: string;
              /** Format: date-time */
              receivedAt: string;
              result: unknown;
              /** @enum {string} */
              status: 'received' | 'processed' | 'parked' | 'rejected';
              topic: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbound/{connectorId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Receive a signed delivery from a connected source (Shopify, WooCommerce, generic JSON)
     * @description Verified on the raw bytes (X-Shopify-Hmac-Sha256, X-WC-Webhook-Signature, or Standard Webhooks headers); 401 when the signature is missing or wrong, 400 when the body is malformed (the raw delivery is kept), 200 otherwise, also for a repeated delivery id.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          connectorId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Agents of the round-robin pool */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                agentId: string;
                available: boolean;
                lastAssignedAt: string | null;
                name: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/agents/{agentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Add an agent to the round-robin pool, rename, or mark (un)available */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          agentId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            available: boolean;
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              agentId: string;
              available: boolean;
              lastAssignedAt: string | null;
              name: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An attachment's bytes (agents only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/canned-replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Canned replies */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                body: string;
                /** Format: date-time */
                createdAt: string;
                id: string;
                shortcut: string;
                title: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create a canned reply (or replace the one with the same shortcut)
     * @description Variables: {{customer.name}}, {{customer.email}}, {{agent.name}}, {{order.number}}.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
            shortcut: string;
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              shortcut: string;
              title: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/canned-replies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a canned reply */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/channel-accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Connected messaging accounts (no credentials) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description the hub channel (shop) the account answers for */
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                credentialNames: string[];
                /** @description page id, Instagram account id, WhatsApp phone_number_id, Twilio number or support address */
                externalAccountId: string;
                id: string;
                /** @enum {string} */
                kind: 'messenger' | 'instagram' | 'whatsapp' | 'sms' | 'email';
                name: string;
                settings: {
                  [key: string]: string;
                };
                /** @enum {string} */
                status: 'active' | 'paused';
                /** Format: date-time */
                updatedAt: string;
                /** @description where the platform delivers (append to the hub’s public URL) */
                webhookPaths: string[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Connect a Messenger page, Instagram account, WhatsApp number, Twilio SMS number or support address
     * @description The same kind and platform id again replaces the account (e.g. a new token).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                accessToken: string;
                /**
                 * Format: uri
                 * @description the API base URL (default: the platform’s own); e.g. a local fake in tests
                 */
                apiBaseUrl?: string;
                appSecret: string;
                /** @description the hub channel (id or code) whose conversations reach this account: product links in replies go to its storefront */
                channelId?: string;
                /** @description the page id, Instagram account id or WhatsApp phone_number_id */
                externalAccountId: string;
                graphVersion?: string;
                /** @enum {string} */
                kind: 'messenger';
                name: string;
                verifyToken: string;
              }
            | {
                accessToken: string;
                /**
                 * Format: uri
                 * @description the API base URL (default: the platform’s own); e.g. a local fake in tests
                 */
                apiBaseUrl?: string;
                appSecret: string;
                /** @description the hub channel (id or code) whose conversations reach this account: product links in replies go to its storefront */
                channelId?: string;
                /** @description the page id, Instagram account id or WhatsApp phone_number_id */
                externalAccountId: string;
                graphVersion?: string;
                /** @enum {string} */
                kind: 'instagram';
                name: string;
                verifyToken: string;
              }
            | {
                accessToken: string;
                /**
                 * Format: uri
                 * @description the API base URL (default: the platform’s own); e.g. a local fake in tests
                 */
                apiBaseUrl?: string;
                appSecret: string;
                /** @description the WhatsApp Business Account id whose approved message templates may be sent */
                businessAccountId?: string;
                /** @description the hub channel (id or code) whose conversations reach this account: product links in replies go to its storefront */
                channelId?: string;
                /** @description the page id, Instagram account id or WhatsApp phone_number_id */
                externalAccountId: string;
                graphVersion?: string;
                /** @enum {string} */
                kind: 'whatsapp';
                name: string;
                verifyToken: string;
              }
            | {
                accountSid: string;
                /**
                 * Format: uri
                 * @description the API base URL (default: the platform’s own); e.g. a local fake in tests
                 */
                apiBaseUrl?: string;
                authToken: string;
                /** @description the hub channel (id or code) whose conversations reach this account: product links in replies go to its storefront */
                channelId?: string;
                /** @description the Twilio number in E.164 */
                externalAccountId: string;
                /** @enum {string} */
                kind: 'sms';
                name: string;
              }
            | {
                /** @description the hub channel (id or code) whose conversations reach this account: product links in replies go to its storefront */
                channelId: string;
                /**
                 * Format: email
                 * @description the support address mail reaches the inbox at (RCPT TO)
                 */
                externalAccountId: string;
                /** @enum {string} */
                kind: 'email';
                name: string;
              };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the hub channel (shop) the account answers for */
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              credentialNames: string[];
              /** @description page id, Instagram account id, WhatsApp phone_number_id, Twilio number or support address */
              externalAccountId: string;
              id: string;
              /** @enum {string} */
              kind: 'messenger' | 'instagram' | 'whatsapp' | 'sms' | 'email';
              name: string;
              settings: {
                [key: string]: string;
              };
              /** @enum {string} */
              status: 'active' | 'paused';
              /** Format: date-time */
              updatedAt: string;
              /** @description where the platform delivers (append to the hub’s public URL) */
              webhookPaths: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/channel-accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Disconnect a messaging account */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agent's inbox page: conversations by newest activity, with filters */
    get: {
      parameters: {
        query?: {
          /** @description an agent id, or 'none' for unassigned */
          assignee?: string;
          channelKind?:
            | 'web_chat'
            | 'email'
            | 'messenger'
            | 'instagram'
            | 'whatsapp'
            | 'sms'
            | 'phone_note'
            | 'store_note';
          cursor?: string;
          customerId?: string;
          limit?: number;
          status?: 'open' | 'pending' | 'snoozed' | 'resolved';
          tag?: string;
          /** @description a team id, or 'none' for conversations of no team */
          team?: string;
          unread?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                assigneeId: string | null;
                channelId: string | null;
                channelKinds: (
                  | 'web_chat'
                  | 'email'
                  | 'messenger'
                  | 'instagram'
                  | 'whatsapp'
                  | 'sms'
                  | 'phone_note'
                  | 'store_note'
                )[];
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                firstResponseAt: string | null;
                id: string;
                lastInboundAt: string | null;
                lastInboundChannel:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                /** Format: date-time */
                lastMessageAt: string;
                mergedInto: string | null;
                messageCount: number;
                resolvedAt: string | null;
                snoozedUntil: string | null;
                /** @enum {string} */
                status: 'open' | 'pending' | 'snoozed' | 'resolved';
                subject: string | null;
                tags: string[];
                teamId: string | null;
                unreadCount: number;
                /** Format: date-time */
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A conversation: its messages of every channel, and the customer with orders and carts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                assigneeId: string | null;
                channelId: string | null;
                channelKinds: (
                  | 'web_chat'
                  | 'email'
                  | 'messenger'
                  | 'instagram'
                  | 'whatsapp'
                  | 'sms'
                  | 'phone_note'
                  | 'store_note'
                )[];
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                firstResponseAt: string | null;
                id: string;
                lastInboundAt: string | null;
                lastInboundChannel:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                /** Format: date-time */
                lastMessageAt: string;
                mergedInto: string | null;
                messageCount: number;
                resolvedAt: string | null;
                snoozedUntil: string | null;
                /** @enum {string} */
                status: 'open' | 'pending' | 'snoozed' | 'resolved';
                subject: string | null;
                tags: string[];
                teamId: string | null;
                unreadCount: number;
                /** Format: date-time */
                updatedAt: string;
              };
              /** @description profile, identities, orders (pickup status), active carts; null without one */
              customer: unknown;
              messages: {
                address: string | null;
                attachments: {
                  contentType: string;
                  /** Format: date-time */
                  createdAt: string;
                  filename: string;
                  id: string;
                  messageId: string;
                  sha256: string;
                  size: number;
                }[];
                attempts: number;
                authorId: string | null;
                channelAccountId: string | null;
                channelKind:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                conversationId: string;
                /** Format: date-time */
                createdAt: string;
                /** @enum {string} */
                direction: 'inbound' | 'outbound' | 'note';
                externalId: string | null;
                failureReason: string | null;
                html: string | null;
                id: string;
                inReplyToId: string | null;
                /** Format: date-time */
                occurredAt: string;
                status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
                template: {
                  language: string;
                  name: string;
                  parameters: string[];
                } | null;
                text: string;
                unparsed: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/actions/cart-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Quick action: send the customer their cart's handoff code (to continue at a till) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            cartId: string;
            /**
             * @description the language of the message
             * @default en
             * @enum {string}
             */
            language?: 'en' | 'nl' | 'es' | 'sv' | 'bg';
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string | null;
              attachments: {
                contentType: string;
                /** Format: date-time */
                createdAt: string;
                filename: string;
                id: string;
                messageId: string;
                sha256: string;
                size: number;
              }[];
              attempts: number;
              authorId: string | null;
              channelAccountId: string | null;
              channelKind:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              conversationId: string;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              direction: 'inbound' | 'outbound' | 'note';
              externalId: string | null;
              failureReason: string | null;
              html: string | null;
              id: string;
              inReplyToId: string | null;
              /** Format: date-time */
              occurredAt: string;
              status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
              template: {
                language: string;
                name: string;
                parameters: string[];
              } | null;
              text: string;
              unparsed: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/actions/cart-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Quick action: send the customer a link that opens their cart on its channel's storefront
     * @description The link names the cart only; the storefront opens it once its owner is signed in there. The address is OMNIHUB_PUBLIC_URL, else the origin the agent called. 404 for a cart that is not the conversation customer’s; 409 cart_not_active.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            cartId: string;
            /**
             * @description the language of the message
             * @default en
             * @enum {string}
             */
            language?: 'en' | 'nl' | 'es' | 'sv' | 'bg';
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string | null;
              attachments: {
                contentType: string;
                /** Format: date-time */
                createdAt: string;
                filename: string;
                id: string;
                messageId: string;
                sha256: string;
                size: number;
              }[];
              attempts: number;
              authorId: string | null;
              channelAccountId: string | null;
              channelKind:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              conversationId: string;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              direction: 'inbound' | 'outbound' | 'note';
              externalId: string | null;
              failureReason: string | null;
              html: string | null;
              id: string;
              inReplyToId: string | null;
              /** Format: date-time */
              occurredAt: string;
              status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
              template: {
                language: string;
                name: string;
                parameters: string[];
              } | null;
              text: string;
              unparsed: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/actions/pickup-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Quick action: send the customer their click & collect order's pickup code
     * @description A reply on the customer's last channel. 404 for an order that is not the conversation customer's; 422 pickup_refused for an order not for pickup or closed; reply refusals as for replies.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description the language of the message
             * @default en
             * @enum {string}
             */
            language?: 'en' | 'nl' | 'es' | 'sv' | 'bg';
            orderId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string | null;
              attachments: {
                contentType: string;
                /** Format: date-time */
                createdAt: string;
                filename: string;
                id: string;
                messageId: string;
                sha256: string;
                size: number;
              }[];
              attempts: number;
              authorId: string | null;
              channelAccountId: string | null;
              channelKind:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              conversationId: string;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              direction: 'inbound' | 'outbound' | 'note';
              externalId: string | null;
              failureReason: string | null;
              html: string | null;
              id: string;
              inReplyToId: string | null;
              /** Format: date-time */
              occurredAt: string;
              status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
              template: {
                language: string;
                name: string;
                parameters: string[];
              } | null;
              text: string;
              unparsed: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/assignment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign to an agent, unassign (agentId null), or round-robin among available agents */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                agentId: string | null;
              }
            | {
                /** @enum {boolean} */
                roundRobin: true;
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assigneeId: string | null;
              channelId: string | null;
              channelKinds: (
                | 'web_chat'
                | 'email'
                | 'messenger'
                | 'instagram'
                | 'whatsapp'
                | 'sms'
                | 'phone_note'
                | 'store_note'
              )[];
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              firstResponseAt: string | null;
              id: string;
              lastInboundAt: string | null;
              lastInboundChannel:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              /** Format: date-time */
              lastMessageAt: string;
              mergedInto: string | null;
              messageCount: number;
              resolvedAt: string | null;
              snoozedUntil: string | null;
              /** @enum {string} */
              status: 'open' | 'pending' | 'snoozed' | 'resolved';
              subject: string | null;
              tags: string[];
              teamId: string | null;
              unreadCount: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/canned-replies/{replyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A canned reply filled in for this conversation's customer and the calling agent */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          replyId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              text: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge this conversation into another: its messages move there, it closes as merged */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            intoId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assigneeId: string | null;
              channelId: string | null;
              channelKinds: (
                | 'web_chat'
                | 'email'
                | 'messenger'
                | 'instagram'
                | 'whatsapp'
                | 'sms'
                | 'phone_note'
                | 'store_note'
              )[];
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              firstResponseAt: string | null;
              id: string;
              lastInboundAt: string | null;
              lastInboundChannel:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              /** Format: date-time */
              lastMessageAt: string;
              mergedInto: string | null;
              messageCount: number;
              resolvedAt: string | null;
              snoozedUntil: string | null;
              /** @enum {string} */
              status: 'open' | 'pending' | 'snoozed' | 'resolved';
              subject: string | null;
              tags: string[];
              teamId: string | null;
              unreadCount: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Earlier messages of a conversation (page back with before=<message id>) */
    get: {
      parameters: {
        query?: {
          before?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                address: string | null;
                attachments: {
                  contentType: string;
                  /** Format: date-time */
                  createdAt: string;
                  filename: string;
                  id: string;
                  messageId: string;
                  sha256: string;
                  size: number;
                }[];
                attempts: number;
                authorId: string | null;
                channelAccountId: string | null;
                channelKind:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                conversationId: string;
                /** Format: date-time */
                createdAt: string;
                /** @enum {string} */
                direction: 'inbound' | 'outbound' | 'note';
                externalId: string | null;
                failureReason: string | null;
                html: string | null;
                id: string;
                inReplyToId: string | null;
                /** Format: date-time */
                occurredAt: string;
                status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
                template: {
                  language: string;
                  name: string;
                  parameters: string[];
                } | null;
                text: string;
                unparsed: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An internal note, or the record of a phone call or shop visit (never sent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default internal
             * @enum {string}
             */
            kind?: 'internal' | 'phone_note' | 'store_note';
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string | null;
              attachments: {
                contentType: string;
                /** Format: date-time */
                createdAt: string;
                filename: string;
                id: string;
                messageId: string;
                sha256: string;
                size: number;
              }[];
              attempts: number;
              authorId: string | null;
              channelAccountId: string | null;
              channelKind:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              conversationId: string;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              direction: 'inbound' | 'outbound' | 'note';
              externalId: string | null;
              failureReason: string | null;
              html: string | null;
              id: string;
              inReplyToId: string | null;
              /** Format: date-time */
              occurredAt: string;
              status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
              template: {
                language: string;
                name: string;
                parameters: string[];
              } | null;
              text: string;
              unparsed: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/product-links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Products to link in a reply: their page on the conversation's storefront
     * @description The channel is `channel` when given, else the one the customer last wrote from (web chat, or an account or support address connected for it), else the first active web shop. Only products listed there are offered.
     */
    get: {
      parameters: {
        query: {
          /** @description a channel id or code with a storefront */
          channel?: string;
          locale?: string;
          q: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: {
                code: string;
                id: string;
                name: string;
              };
              items: {
                handle: string;
                productId: string;
                title: string;
                url: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark as read by the agents */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assigneeId: string | null;
              channelId: string | null;
              channelKinds: (
                | 'web_chat'
                | 'email'
                | 'messenger'
                | 'instagram'
                | 'whatsapp'
                | 'sms'
                | 'phone_note'
                | 'store_note'
              )[];
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              firstResponseAt: string | null;
              id: string;
              lastInboundAt: string | null;
              lastInboundChannel:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              /** Format: date-time */
              lastMessageAt: string;
              mergedInto: string | null;
              messageCount: number;
              resolvedAt: string | null;
              snoozedUntil: string | null;
              /** @enum {string} */
              status: 'open' | 'pending' | 'snoozed' | 'resolved';
              subject: string | null;
              tags: string[];
              teamId: string | null;
              unreadCount: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reply to the customer: queued for the channel they wrote on last, or the one named
     * @description Answers 202 with the queued message; its status moves to sent, delivered, read or failed (with the reason). It goes out through the account the customer wrote to. Refused when the channel has no sender, the customer has no address on it, or its reply window has closed (then only an approved template, `template`, may go: WhatsApp).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            channelKind?:
              | 'web_chat'
              | 'email'
              | 'messenger'
              | 'instagram'
              | 'whatsapp'
              | 'sms'
              | 'phone_note'
              | 'store_note';
            template?: {
              language: string;
              name: string;
              /** @default [] */
              parameters?: string[];
            };
            text?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string | null;
              attachments: {
                contentType: string;
                /** Format: date-time */
                createdAt: string;
                filename: string;
                id: string;
                messageId: string;
                sha256: string;
                size: number;
              }[];
              attempts: number;
              authorId: string | null;
              channelAccountId: string | null;
              channelKind:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              conversationId: string;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              direction: 'inbound' | 'outbound' | 'note';
              externalId: string | null;
              failureReason: string | null;
              html: string | null;
              id: string;
              inReplyToId: string | null;
              /** Format: date-time */
              occurredAt: string;
              status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
              template: {
                language: string;
                name: string;
                parameters: string[];
              } | null;
              text: string;
              unparsed: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open, pending, snoozed (until a time) or resolved */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            snoozedUntil?: unknown;
            /** @enum {string} */
            status: 'open' | 'pending' | 'snoozed' | 'resolved';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assigneeId: string | null;
              channelId: string | null;
              channelKinds: (
                | 'web_chat'
                | 'email'
                | 'messenger'
                | 'instagram'
                | 'whatsapp'
                | 'sms'
                | 'phone_note'
                | 'store_note'
              )[];
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              firstResponseAt: string | null;
              id: string;
              lastInboundAt: string | null;
              lastInboundChannel:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              /** Format: date-time */
              lastMessageAt: string;
              mergedInto: string | null;
              messageCount: number;
              resolvedAt: string | null;
              snoozedUntil: string | null;
              /** @enum {string} */
              status: 'open' | 'pending' | 'snoozed' | 'resolved';
              subject: string | null;
              tags: string[];
              teamId: string | null;
              unreadCount: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add and remove tags */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            add?: string[];
            remove?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assigneeId: string | null;
              channelId: string | null;
              channelKinds: (
                | 'web_chat'
                | 'email'
                | 'messenger'
                | 'instagram'
                | 'whatsapp'
                | 'sms'
                | 'phone_note'
                | 'store_note'
              )[];
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              firstResponseAt: string | null;
              id: string;
              lastInboundAt: string | null;
              lastInboundChannel:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              /** Format: date-time */
              lastMessageAt: string;
              mergedInto: string | null;
              messageCount: number;
              resolvedAt: string | null;
              snoozedUntil: string | null;
              /** @enum {string} */
              status: 'open' | 'pending' | 'snoozed' | 'resolved';
              subject: string | null;
              tags: string[];
              teamId: string | null;
              unreadCount: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Route to a team (teamId null: the whole inbox); an assignee outside the team is taken off
     * @description Round-robin assignment then picks among the team’s available members only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            teamId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assigneeId: string | null;
              channelId: string | null;
              channelKinds: (
                | 'web_chat'
                | 'email'
                | 'messenger'
                | 'instagram'
                | 'whatsapp'
                | 'sms'
                | 'phone_note'
                | 'store_note'
              )[];
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              firstResponseAt: string | null;
              id: string;
              lastInboundAt: string | null;
              lastInboundChannel:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              /** Format: date-time */
              lastMessageAt: string;
              mergedInto: string | null;
              messageCount: number;
              resolvedAt: string | null;
              snoozedUntil: string | null;
              /** @enum {string} */
              status: 'open' | 'pending' | 'snoozed' | 'resolved';
              subject: string | null;
              tags: string[];
              teamId: string | null;
              unreadCount: number;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/conversations/{id}/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The approved message templates a reply could use (WhatsApp: after the 24-hour window only these) */
    get: {
      parameters: {
        query?: {
          channelKind?:
            | 'web_chat'
            | 'email'
            | 'messenger'
            | 'instagram'
            | 'whatsapp'
            | 'sms'
            | 'phone_note'
            | 'store_note';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                body: string | null;
                language: string;
                name: string;
                parameterCount: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Conversations per status, unread and unassigned (the inbox tabs) */
    get: {
      parameters: {
        query?: {
          assignee?: string;
          channelKind?:
            | 'web_chat'
            | 'email'
            | 'messenger'
            | 'instagram'
            | 'whatsapp'
            | 'sms'
            | 'phone_note'
            | 'store_note';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byStatus: {
                [key: string]: number;
              };
              unassigned: number;
              unread: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Conversations whose messages, subject or tags contain the words */
    get: {
      parameters: {
        query: {
          limit?: number;
          q: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                assigneeId: string | null;
                channelId: string | null;
                channelKinds: (
                  | 'web_chat'
                  | 'email'
                  | 'messenger'
                  | 'instagram'
                  | 'whatsapp'
                  | 'sms'
                  | 'phone_note'
                  | 'store_note'
                )[];
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                firstResponseAt: string | null;
                id: string;
                lastInboundAt: string | null;
                lastInboundChannel:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                /** Format: date-time */
                lastMessageAt: string;
                mergedInto: string | null;
                messageCount: number;
                resolvedAt: string | null;
                snoozedUntil: string | null;
                /** @enum {string} */
                status: 'open' | 'pending' | 'snoozed' | 'resolved';
                subject: string | null;
                tags: string[];
                teamId: string | null;
                unreadCount: number;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live inbox events for agents (SSE): new messages, replies’ status, assignment, status, tags, merges */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Teams of agents */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                agentIds: string[];
                id: string;
                name: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a team of agents */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            agentIds?: string[];
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              agentIds: string[];
              id: string;
              name: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inbox/teams/{teamId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a team and set its members */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          teamId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            agentIds?: string[];
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              agentIds: string[];
              id: string;
              name: string;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a team (its conversations go back to the whole inbox) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          teamId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/attribution': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Credit of the range’s orders to channels and campaigns under every model, side by side */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          /** @description time decay */
          halfLifeDays?: number;
          lookbackDays?: number;
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byCampaign: {
                credited: number;
                currency: string;
                /** @description the channel, or the campaign (null: through no campaign) */
                key: string | null;
                /** @enum {string} */
                model:
                  | 'first_touch'
                  | 'last_touch'
                  | 'last_non_direct'
                  | 'linear'
                  | 'position_based'
                  | 'time_decay';
                orders: number;
              }[];
              byChannel: {
                credited: number;
                currency: string;
                /** @description the channel, or the campaign (null: through no campaign) */
                key: string | null;
                /** @enum {string} */
                model:
                  | 'first_touch'
                  | 'last_touch'
                  | 'last_non_direct'
                  | 'linear'
                  | 'position_based'
                  | 'time_decay';
                orders: number;
              }[];
              halfLifeDays: number;
              lookbackDays: number;
              orders: number;
              range: {
                channels: string[];
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
              };
              revenue: {
                amount: number;
                currency: string;
              }[];
              /** @description more orders than one read attributes (the first ones were) */
              truncated: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Channel performance: revenue, orders, AOV, returns, new vs returning, click & collect, by day */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channels: {
                code: string;
                id: string;
                name: string;
                type: string;
              }[];
              days: {
                channelId: string;
                currency: string;
                day: string;
                newCustomers: number;
                orders: number;
                pickedUp: number;
                pickupOrders: number;
                pickupSeconds: number;
                refunded: number;
                returningCustomers: number;
                returns: number;
                revenue: number;
              }[];
              pickups: {
                avgSeconds: number;
                locationId: string;
                pickedUp: number;
              }[];
              range: {
                channels: string[];
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
              };
              totals: {
                averageOrderValue: number;
                averagePickupSeconds: number | null;
                channelId: string;
                /** @description 0 to 1 */
                clickCollectShare: number;
                currency: string;
                newCustomers: number;
                orders: number;
                refunded: number;
                returningCustomers: number;
                /** @description 0 to 1 */
                returnRate: number;
                returns: number;
                /** @description minor units */
                revenue: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/cohorts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cohorts by month of first order and the share ordering again in each following month */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cohorts: {
                /** @description first day of the month (UTC) of the customers’ first order */
                cohort: string;
                customers: number;
                months: {
                  customers: number;
                  /** @description months after the cohort’s */
                  offset: number;
                  /** @description 0 to 1 */
                  share: number;
                }[];
              }[];
              range: {
                channels: string[];
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/customers/{customerId}/touchpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Drill-down: one customer’s touchpoints on every channel in the range, oldest first */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path: {
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              touchpoints: {
                /** Format: date-time */
                at: string;
                campaign: string | null;
                channel: string;
                /** @enum {string} */
                kind: 'session' | 'campaign' | 'message' | 'cart' | 'order';
                orderId: string | null;
                source: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/journeys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Common channel paths with conversion and time between steps, a funnel across channels, crossed carts */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          limit?: number;
          /** @description funnel steps, comma-separated: session, campaign, message, cart, order */
          steps?: string;
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              crossedCarts: {
                carts: {
                  cartId: string;
                  channels: string[];
                  customerId: string | null;
                }[];
                total: number;
              };
              customers: number;
              funnel: {
                byChannel: {
                  [key: string]: number;
                };
                customers: number;
                /** @enum {string} */
                kind: 'session' | 'campaign' | 'message' | 'cart' | 'order';
              }[];
              paths: {
                avgGapMs: number[];
                converted: number;
                customers: number;
                steps: string[];
              }[];
              range: {
                channels: string[];
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
              };
              truncated: boolean;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/ltv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customer lifetime value (revenue per customer) by cohort and by first channel */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byCohort: {
                currency: string;
                customers: number;
                key: string;
                /** @description revenue per customer, minor units */
                ltv: number;
                orders: number;
                /** @description minor units, cancelled orders taken out */
                revenue: number;
              }[];
              byFirstChannel: {
                currency: string;
                customers: number;
                key: string;
                /** @description revenue per customer, minor units */
                ltv: number;
                orders: number;
                /** @description minor units, cancelled orders taken out */
                revenue: number;
              }[];
              range: {
                channels: string[];
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Drill-down: the orders (and their customers) behind a figure */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          /** @description only this channel */
          channelId?: string;
          /** @description only orders placed this day (UTC) */
          day?: string;
          /** @description true: new customers’ first orders; false: the others */
          firstOrder?: 'true' | 'false';
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          limit?: number;
          returned?: 'true' | 'false';
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orders: {
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery: string;
                firstOrder: boolean;
                orderId: string;
                /** Format: date-time */
                placedAt: string;
                refunded: number;
                returned: boolean;
                revenue: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/rebuild': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rebuild the insights projection from log position 0: empties its rows and rollups, which fill again as it replays */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              rebuilding: true;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/insights/response-times': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inbox first-response time per messaging channel: conversations opened in the range, answered, average seconds */
    get: {
      parameters: {
        query?: {
          /** @description a channel id to keep; repeat for more (default: every channel) */
          channel?: string | string[];
          format?: 'json' | 'csv';
          /** @description start, inclusive (ISO 8601; default: 30 days before `to`) */
          from?: unknown;
          /** @description end, exclusive (ISO 8601; default: the start of tomorrow, UTC) */
          to?: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channels: {
                averageSeconds: number | null;
                /** @description the messaging channel (email, sms, whatsapp, chat…) */
                channel: string;
                conversations: number;
                responded: number;
                /** @description 0 to 1 */
                responseRate: number;
              }[];
              range: {
                channels: string[];
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                to: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive, count, write off damage or record a till sale (a ledger entry with reason and actor) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description receive adds, damage and sale remove, count sets the counted quantity
             * @enum {string}
             */
            kind: 'receive' | 'count' | 'damage' | 'sale';
            location: string;
            /** @description units; for count the counted total */
            quantity: number;
            reason?: string;
            sku: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              adjustmentId: string;
              levels: {
                available: number;
                locationId: string;
                onHand: number;
                reserved: number;
                sku: string;
              }[];
              movements: {
                actor: string;
                adjustmentId: string | null;
                id: number;
                /** @enum {string} */
                kind:
                  | 'receive'
                  | 'count'
                  | 'damage'
                  | 'sale'
                  | 'transfer_out'
                  | 'transfer_in'
                  | 'reserve'
                  | 'release'
                  | 'expire'
                  | 'fulfil';
                locationId: string;
                /** Format: date-time */
                occurredAt: string;
                onHandDelta: number;
                reason: string | null;
                reservationId: string | null;
                reservedDelta: number;
                sku: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/channels/{channelId}/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Available-to-sell on a channel (Σ of its locations’ on hand − reserved − buffer, ≥ 0)
     * @description With `skus`, those SKUs (one query). Without, every SKU stocked at the channel’s locations, by SKU (cursor = the last SKU seen).
     */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          /** @description comma-separated SKUs, at most 200 */
          skus?: string;
        };
        header?: never;
        path: {
          channelId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              items: {
                availableToSell: number;
                sku: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/channels/{channelId}/sourcing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which locations feed a channel, and its safety buffer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channelId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              locationIds: string[];
              safetyBuffer: number;
            };
          };
        };
      };
    };
    /** Set which locations feed a channel (in fill order) and its safety buffer */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channelId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description location ids or codes, in the order reservations fill from them */
            locationIds: string[];
            /**
             * @description units held back from this channel
             * @default 0
             */
            safetyBuffer?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              locationIds: string[];
              safetyBuffer: number;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/group-commit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reservation group commit in this hub process: batches, requests, the largest batch, batches written by one compare-and-set statement and those that found the numbers changed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              averageBatch: number;
              batches: number;
              largest: number;
              oneStatement: number;
              requests: number;
              stale: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/locations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List stock locations */
    get: {
      parameters: {
        query?: {
          type?: 'warehouse' | 'store';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                address: {
                  [key: string]: unknown;
                };
                code: string;
                /** Format: date-time */
                createdAt: string;
                id: string;
                latitude: number | null;
                longitude: number | null;
                name: string;
                /** @enum {string} */
                status: 'active' | 'inactive';
                /** @enum {string} */
                type: 'warehouse' | 'store';
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a stock location */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default {} */
            address?: {
              city?: string;
              country?: string;
              line1?: string;
              line2?: string;
              postalCode?: string;
              region?: string;
            };
            /** @description a stable handle such as warehouse-nl or store-amsterdam */
            code: string;
            /** @default null */
            latitude?: number | null;
            /** @default null */
            longitude?: number | null;
            name: string;
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'inactive';
            /** @enum {string} */
            type: 'warehouse' | 'store';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: {
                [key: string]: unknown;
              };
              code: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              latitude: number | null;
              longitude: number | null;
              name: string;
              /** @enum {string} */
              status: 'active' | 'inactive';
              /** @enum {string} */
              type: 'warehouse' | 'store';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/locations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a stock location by id or code */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: {
                [key: string]: unknown;
              };
              code: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              latitude: number | null;
              longitude: number | null;
              name: string;
              /** @enum {string} */
              status: 'active' | 'inactive';
              /** @enum {string} */
              type: 'warehouse' | 'store';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a stock location */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default {} */
            address?: {
              city?: string;
              country?: string;
              line1?: string;
              line2?: string;
              postalCode?: string;
              region?: string;
            };
            /** @default null */
            latitude?: number | null;
            /** @default null */
            longitude?: number | null;
            name?: string;
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'inactive';
            /** @enum {string} */
            type?: 'warehouse' | 'store';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: {
                [key: string]: unknown;
              };
              code: string;
              /** Format: date-time */
              createdAt: string;
              id: string;
              latitude: number | null;
              longitude: number | null;
              name: string;
              /** @enum {string} */
              status: 'active' | 'inactive';
              /** @enum {string} */
              type: 'warehouse' | 'store';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/inventory/locations/{id}/levels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock levels at a location, by SKU (cursor = the last SKU seen) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                available: number;
                locationId: string;
                onHand: number;
                reserved: number;
                sku: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The stock ledger, oldest first (cursor = the last movement id seen) */
    get: {
      parameters: {
        query?: {
          cursor?: number;
          limit?: number;
          locationId?: string;
          sku?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actor: string;
                adjustmentId: string | null;
                id: number;
                /** @enum {string} */
                kind:
                  | 'receive'
                  | 'count'
                  | 'damage'
                  | 'sale'
                  | 'transfer_out'
                  | 'transfer_in'
                  | 'reserve'
                  | 'release'
                  | 'expire'
                  | 'fulfil';
                locationId: string;
                /** Format: date-time */
                occurredAt: string;
                onHandDelta: number;
                reason: string | null;
                reservationId: string | null;
                reservedDelta: number;
                sku: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/reservations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List reservations (cursor = the last id seen) */
    get: {
      parameters: {
        query?: {
          channelId?: string;
          cursor?: string;
          limit?: number;
          reference?: string;
          sku?: string;
          status?: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                expiresAt: string | null;
                id: string;
                idempotencyKey: string | null;
                /** @enum {string} */
                kind: 'cart_hold' | 'order_allocation' | 'pickup_hold';
                lines: {
                  locationId: string;
                  quantity: number;
                }[];
                /** @description units held at the lines, plus any backordered (held nowhere yet) */
                quantity: number;
                reference: string | null;
                sku: string;
                /** @enum {string} */
                status: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
                /** Format: date-time */
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Reserve stock for a channel: a cart hold, pickup hold or order allocation
     * @description Atomic and conditional: never more than exists. May split across the channel’s locations (see lines). Refused with 409 insufficient_stock (with `available`). Retrying with the same idempotencyKey returns the same reservation (200) and changes nothing.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description reserve what is available when not all is
             * @default false
             */
            allowPartial?: boolean;
            /** @description required unless the API key is bound to a channel */
            channelId?: string;
            /** @description retrying with the same key returns the same reservation and changes nothing */
            idempotencyKey?: string;
            /**
             * @default cart_hold
             * @enum {string}
             */
            kind?: 'cart_hold' | 'order_allocation' | 'pickup_hold';
            /** @description hold at this location only (pickup) */
            location?: string;
            quantity: number;
            /** @description the cart or order this is for */
            reference?: string;
            sku: string;
            /** @description holds expire after this; default 15 minutes for cart holds, 3 days for pickup holds */
            ttlSeconds?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              expiresAt: string | null;
              id: string;
              idempotencyKey: string | null;
              /** @enum {string} */
              kind: 'cart_hold' | 'order_allocation' | 'pickup_hold';
              lines: {
                locationId: string;
                quantity: number;
              }[];
              /** @description units held at the lines, plus any backordered (held nowhere yet) */
              quantity: number;
              reference: string | null;
              sku: string;
              /** @enum {string} */
              status: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              expiresAt: string | null;
              id: string;
              idempotencyKey: string | null;
              /** @enum {string} */
              kind: 'cart_hold' | 'order_allocation' | 'pickup_hold';
              lines: {
                locationId: string;
                quantity: number;
              }[];
              /** @description units held at the lines, plus any backordered (held nowhere yet) */
              quantity: number;
              reference: string | null;
              sku: string;
              /** @enum {string} */
              status: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/reservations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a reservation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              expiresAt: string | null;
              id: string;
              idempotencyKey: string | null;
              /** @enum {string} */
              kind: 'cart_hold' | 'order_allocation' | 'pickup_hold';
              lines: {
                locationId: string;
                quantity: number;
              }[];
              /** @description units held at the lines, plus any backordered (held nowhere yet) */
              quantity: number;
              reference: string | null;
              sku: string;
              /** @enum {string} */
              status: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/reservations/{id}/allocate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Convert a hold into an order allocation (it stops expiring) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reference?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: boolean;
              reservation: {
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                expiresAt: string | null;
                id: string;
                idempotencyKey: string | null;
                /** @enum {string} */
                kind: 'cart_hold' | 'order_allocation' | 'pickup_hold';
                lines: {
                  locationId: string;
                  quantity: number;
                }[];
                /** @description units held at the lines, plus any backordered (held nowhere yet) */
                quantity: number;
                reference: string | null;
                sku: string;
                /** @enum {string} */
                status: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
                /** Format: date-time */
                updatedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/reservations/{id}/fulfil': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Fulfil a reservation: the units leave (on-hand and reserved go down) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: boolean;
              reservation: {
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                expiresAt: string | null;
                id: string;
                idempotencyKey: string | null;
                /** @enum {string} */
                kind: 'cart_hold' | 'order_allocation' | 'pickup_hold';
                lines: {
                  locationId: string;
                  quantity: number;
                }[];
                /** @description units held at the lines, plus any backordered (held nowhere yet) */
                quantity: number;
                reference: string | null;
                sku: string;
                /** @enum {string} */
                status: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
                /** Format: date-time */
                updatedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/reservations/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Release a hold or allocation (a second release changes nothing) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changed: boolean;
              reservation: {
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                expiresAt: string | null;
                id: string;
                idempotencyKey: string | null;
                /** @enum {string} */
                kind: 'cart_hold' | 'order_allocation' | 'pickup_hold';
                lines: {
                  locationId: string;
                  quantity: number;
                }[];
                /** @description units held at the lines, plus any backordered (held nowhere yet) */
                quantity: number;
                reference: string | null;
                sku: string;
                /** @enum {string} */
                status: 'held' | 'allocated' | 'fulfilled' | 'released' | 'expired';
                /** Format: date-time */
                updatedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/skus/{sku}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A SKU’s stock at every location, and its available-to-sell on a channel */
    get: {
      parameters: {
        query?: {
          channelId?: string;
        };
        header?: never;
        path: {
          sku: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channel: {
                availableToSell: number;
                channelId: string;
              } | null;
              levels: {
                available: number;
                locationId: string;
                onHand: number;
                reserved: number;
                sku: string;
              }[];
              sku: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/inventory/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move stock between two locations (two ledger entries, one transaction) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            from: string;
            quantity: number;
            reason?: string;
            sku: string;
            to: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              adjustmentId: string;
              levels: {
                available: number;
                locationId: string;
                onHand: number;
                reserved: number;
                sku: string;
              }[];
              movements: {
                actor: string;
                adjustmentId: string | null;
                id: number;
                /** @enum {string} */
                kind:
                  | 'receive'
                  | 'count'
                  | 'damage'
                  | 'sale'
                  | 'transfer_out'
                  | 'transfer_in'
                  | 'reserve'
                  | 'release'
                  | 'expire'
                  | 'fulfil';
                locationId: string;
                /** Format: date-time */
                occurredAt: string;
                onHandDelta: number;
                reason: string | null;
                reservationId: string | null;
                reservedDelta: number;
                sku: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Journeys with live counts per step */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: number;
                channelOrder: string[];
                completed: number;
                converted: number;
                delaySeconds: number;
                enabled: boolean;
                exited: number;
                /** @enum {string} */
                key:
                  | 'abandoned_cart'
                  | 'pickup_ready'
                  | 'back_in_stock'
                  | 'post_purchase'
                  | 'win_back'
                  | 'tier_reached'
                  | 'birthday';
                /** @enum {string} */
                purpose: 'marketing' | 'transactional';
                steps: {
                  afterSeconds: number;
                  index: number;
                  template: string;
                  waiting: number;
                }[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a journey's settings (on/off, first delay, channel order) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelOrder: ('email' | 'sms' | 'whatsapp' | 'push' | 'banner' | 'receipt')[];
            delaySeconds: number;
            enabled: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: number;
              channelOrder: string[];
              completed: number;
              converted: number;
              delaySeconds: number;
              enabled: boolean;
              exited: number;
              /** @enum {string} */
              key:
                | 'abandoned_cart'
                | 'pickup_ready'
                | 'back_in_stock'
                | 'post_purchase'
                | 'win_back'
                | 'tier_reached'
                | 'birthday';
              /** @enum {string} */
              purpose: 'marketing' | 'transactional';
              steps: {
                afterSeconds: number;
                index: number;
                template: string;
                waiting: number;
              }[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/journeys/{key}/sweep': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a sweeping journey now: the daily win-back or the hourly birthday sweep (unless another node is running it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: 'win_back' | 'birthday';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              started: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (never their secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                id: string;
                /** @enum {string} */
                kind: 'secret' | 'publishable';
                lastUsedAt: string | null;
                name: string;
                prefix: string;
                revokedAt: string | null;
                scopes: string[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create an API key (the secret is shown only in this response) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelId?: string | null;
            /**
             * @description secret (servers, tills) or publishable (browsers and apps; needs channelId)
             * @default secret
             * @enum {string}
             */
            kind?: 'secret' | 'publishable';
            name: string;
            /**
             * @description required for a secret key; a publishable key always gets the storefront scopes
             * @default []
             */
            scopes?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'secret' | 'publishable';
              lastUsedAt: string | null;
              name: string;
              prefix: string;
              revokedAt: string | null;
              scopes: string[];
              secret: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              id: string;
              /** @enum {string} */
              kind: 'secret' | 'publishable';
              lastUsedAt: string | null;
              name: string;
              prefix: string;
              revokedAt: string | null;
              scopes: string[];
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The calling API key: its scopes and channel binding */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              hub: string;
              keyId: string;
              /** @enum {string} */
              kind: 'secret' | 'publishable' | 'shopper' | 'staff';
              name: string;
              scopes: string[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Addresses the shopper had orders shipped to */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                city: string;
                country: string;
                latitude?: number;
                line1: string;
                line2?: string;
                longitude?: number;
                name?: string;
                phone?: string;
                postalCode: string;
                region?: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shopper's consent per purpose and channel */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                at: string;
                /** @description a channel id, or '*' for every channel */
                channel: string;
                purpose: string;
                sourceChannelId: string | null;
                /** @enum {string} */
                status: 'granted' | 'denied' | 'revoked';
              }[];
            };
          };
        };
      };
    };
    /** Grant or withdraw consent for a purpose (on one channel, or * for every channel) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default * */
            channel?: string;
            granted: boolean;
            purpose: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                at: string;
                /** @description a channel id, or '*' for every channel */
                channel: string;
                purpose: string;
                sourceChannelId: string | null;
                /** @enum {string} */
                status: 'granted' | 'denied' | 'revoked';
              }[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase the shopper (GDPR): the same erasure as the admin’s, then every session ends */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              erasedAt: string;
              erasedProfileIds: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GDPR export: everything held about the shopper, as JSON */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/next-message': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The message to show the signed-in shopper now on this shop (storefront or app), with why */
    get: {
      parameters: {
        query: {
          /** @description the shop: channel id or code */
          channel: string;
          locale?: string;
          touchpoint?: 'storefront' | 'app' | 'pos' | 'inbox';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              marketingConsent: {
                allowed: boolean;
                reason: string | null;
              };
              /** @description null: nothing to show now */
              message: {
                /** @enum {string} */
                kind: 'pickup_ready' | 'open_cart' | 'tier_close' | 'recommended';
                link: string | null;
                params: {
                  [key: string]: string | number;
                };
                /** @description needs marketing consent; pickup_ready does not */
                promotional: boolean;
                reason: string;
                ref: string;
              } | null;
              skipped: {
                /** @enum {string} */
                kind: 'pickup_ready' | 'open_cart' | 'tier_close' | 'recommended';
                reason: string;
              }[];
              /** @enum {string} */
              touchpoint: 'storefront' | 'app' | 'pos' | 'inbox';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shopper's orders from every channel, newest first, with their live status */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              items: {
                cartId: string | null;
                channel: {
                  code: string;
                  name: string;
                  type: string;
                } | null;
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery:
                  | {
                      address: {
                        city: string;
                        country: string;
                        latitude?: number;
                        line1: string;
                        line2?: string;
                        longitude?: number;
                        name?: string;
                        phone?: string;
                        postalCode: string;
                        region?: string;
                      };
                      method: string;
                      /** @enum {string} */
                      type: 'ship';
                    }
                  | {
                      locationId: string;
                      locationName: string | null;
                      /** @enum {string} */
                      type: 'pickup';
                    }
                  | {
                      /**
                       * @description bought and taken at the till
                       * @enum {string}
                       */
                      type: 'carry_out';
                    };
                email: string | null;
                externalId: string | null;
                externalSource: string | null;
                history: {
                  /** Format: date-time */
                  at: string;
                  /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                  by?: string | null;
                  from:
                    | (
                        | 'pending'
                        | 'paid'
                        | 'allocated'
                        | 'partially_fulfilled'
                        | 'fulfilled'
                        | 'completed'
                        | 'cancelled'
                        | 'refunded'
                      )
                    | null;
                  reason: string | null;
                  /** @enum {string} */
                  to:
                    | 'pending'
                    | 'paid'
                    | 'allocated'
                    | 'partially_fulfilled'
                    | 'fulfilled'
                    | 'completed'
                    | 'cancelled'
                    | 'refunded';
                }[];
                id: string;
                lines: {
                  /** @description set when units were sold beyond the stock */
                  backorder?: {
                    /** @description YYYY-MM-DD: the release or expected restock date */
                    expectedFrom: string | null;
                    /** @enum {string} */
                    kind: 'backorder' | 'preorder';
                    /** @description units waiting for stock */
                    quantity: number;
                  };
                  discount: number;
                  fulfilledQuantity: number;
                  lineId: string;
                  priceOverride?: {
                    approvedBy: string | null;
                    approvedByName: string | null;
                    by: string;
                    byName: string;
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  returnedQuantity: number;
                  sku: string;
                  tax: number;
                  title: string;
                  /** @description quantity × unit price − discount + tax */
                  total: number;
                  unitPrice: number;
                }[];
                metadata: {
                  [key: string]: unknown;
                };
                /** @description the order number people read and search, e.g. OH-10234 */
                number: string;
                paidAmount: number;
                phone: string | null;
                /** @description click & collect: the code the customer shows at the store */
                pickup: {
                  code: string;
                  expiresAt: string | null;
                  locationId: string;
                } | null;
                /** @description click & collect: where the pickup stands (open, ready_for_pickup, collected…) */
                pickupStatus:
                  | ('open' | 'ready_for_pickup' | 'shipped' | 'collected' | 'cancelled' | 'expired')
                  | null;
                /** Format: date-time */
                placedAt: string;
                refundedAmount: number;
                refunds: {
                  amount: number;
                  /** Format: date-time */
                  createdAt: string;
                  currency: string;
                  method: string;
                  /** @description a refund to store credit: the code to spend it with */
                  storeCreditCode: string | null;
                }[];
                reservationIds: string[];
                /** @enum {string} */
                source: 'native' | 'imported';
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totals: {
                  discount: number;
                  grand: number;
                  items: number;
                  shipping: number;
                  tax: number;
                };
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the shopper's orders (another customer's order is 404) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in shopper */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              birthday: string | null;
              customerId: string;
              email: string | null;
              /** Format: date-time */
              memberSince: string;
              name: string | null;
              orderCount: number;
              scopes: string[];
              /** @enum {string} */
              stage:
                | 'visitor'
                | 'engaged'
                | 'cart_abandoner'
                | 'first_time_buyer'
                | 'repeat'
                | 'loyal'
                | 'at_risk'
                | 'lapsed';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the shopper's own name or birthday (null clears it) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description YYYY-MM-DD, or --MM-DD without the year */
            birthday?: string | null;
            name?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              birthday: string | null;
              customerId: string;
              email: string | null;
              /** Format: date-time */
              memberSince: string;
              name: string | null;
              orderCount: number;
              scopes: string[];
              /** @enum {string} */
              stage:
                | 'visitor'
                | 'engaged'
                | 'cart_abandoner'
                | 'first_time_buyer'
                | 'repeat'
                | 'loyal'
                | 'at_risk'
                | 'lapsed';
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/me/push-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shopper's push subscriptions (browsers that receive web push) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                endpoint: string;
              }[];
            };
          };
        };
      };
    };
    /** Save this browser's push subscription (PushSubscription.toJSON()) for the shopper */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            endpoint: string;
            expirationTime?: number | null;
            keys: {
              auth: string;
              p256dh: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              endpoint: string;
            };
          };
        };
      };
    };
    post?: never;
    /** Remove one of the shopper's push subscriptions (after PushSubscription.unsubscribe()) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            endpoint: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in shopper's live order and wallet events (SSE): a pickup made ready or handed over, a refund, points earned or reversed
     * @description Events about this shopper’s own orders and wallet only (their customer id), from any channel. A comment line is sent every 15 s.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/wallet': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in shopper's wallet */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              giftCards: {
                /** @description points, or minor units of the currency */
                balance: number;
                /** @description the last characters of the code, never the code */
                codeHint: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description null for points */
                currency: string | null;
                expiresAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'points' | 'gift_card' | 'store_credit';
                lifetime: number;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'blocked';
                tier: string | null;
              }[];
              points: {
                accountId: string;
                balance: number;
                lifetime: number;
                nextTier: {
                  code: string;
                  name: string;
                  pointsToGo: number;
                } | null;
                tier: string | null;
              } | null;
              storeCredit: {
                /** @description points, or minor units of the currency */
                balance: number;
                /** @description the last characters of the code, never the code */
                codeHint: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description null for points */
                currency: string | null;
                expiresAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'points' | 'gift_card' | 'store_credit';
                lifetime: number;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'blocked';
                tier: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An image: size, order, alt texts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alt: {
                [key: string]: string;
              };
              createdAt: string;
              height: number;
              id: string;
              position: number;
              productId: string;
              variantId: string | null;
              width: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove an image and its sizes */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change an image's alt texts (per locale), place in the order or variant */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            alt?: {
              [key: string]: string;
            };
            position?: number;
            variantId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alt: {
                [key: string]: string;
              };
              createdAt: string;
              height: number;
              id: string;
              position: number;
              productId: string;
              variantId: string | null;
              width: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/messaging/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The brand and send rules */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              brand: {
                backgroundColour: string;
                logoUrl: string | null;
                name: string;
                primaryColour: string;
                signature: string;
                textColour: string;
                /** @enum {string} */
                tone: 'friendly' | 'formal';
              };
              rules: {
                capPerDay: {
                  [key: string]: number;
                };
                defaultTimeZone: string;
                quietHours: {
                  end: number;
                  start: number;
                } | null;
              };
            };
          };
        };
      };
    };
    /** Change the brand and send rules */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            brand: {
              backgroundColour: string;
              logoUrl: string | null;
              name: string;
              primaryColour: string;
              signature: string;
              textColour: string;
              /** @enum {string} */
              tone: 'friendly' | 'formal';
            };
            rules: {
              capPerDay: {
                [key: string]: number;
              };
              defaultTimeZone: string;
              quietHours: {
                end: number;
                start: number;
              } | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              brand: {
                backgroundColour: string;
                logoUrl: string | null;
                name: string;
                primaryColour: string;
                signature: string;
                textColour: string;
                /** @enum {string} */
                tone: 'friendly' | 'formal';
              };
              rules: {
                capPerDay: {
                  [key: string]: number;
                };
                defaultTimeZone: string;
                quietHours: {
                  end: number;
                  start: number;
                } | null;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/messaging/suppressions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suppress an address everywhere (a bounce, a complaint, by hand) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address: string;
            /** @enum {string} */
            reason: 'bounce' | 'complaint' | 'manual';
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/messaging/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Templates in every format and locale (edited variants and built-in defaults) */
    get: {
      parameters: {
        query?: {
          key?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                body: string;
                /** @default null */
                cta: string | null;
                /** @enum {string} */
                format: 'email' | 'sms' | 'whatsapp' | 'push' | 'banner' | 'receipt';
                /** @description null for a built-in default not yet edited */
                id: string | null;
                key: string;
                /** @enum {string} */
                locale: 'en' | 'es' | 'sv' | 'bg' | 'nl';
                /**
                 * @default *
                 * @enum {string}
                 */
                stage:
                  | '*'
                  | 'visitor'
                  | 'engaged'
                  | 'cart_abandoner'
                  | 'first_buyer'
                  | 'repeat'
                  | 'loyal'
                  | 'at_risk'
                  | 'lapsed';
                /** @default  */
                subject: string;
                updatedAt: string | null;
              }[];
            };
          };
        };
      };
    };
    /** Save a template variant (key, format, locale, stage) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
            /** @default null */
            cta?: string | null;
            /** @enum {string} */
            format: 'email' | 'sms' | 'whatsapp' | 'push' | 'banner' | 'receipt';
            key: string;
            /** @enum {string} */
            locale: 'en' | 'es' | 'sv' | 'bg' | 'nl';
            /**
             * @default *
             * @enum {string}
             */
            stage?:
              | '*'
              | 'visitor'
              | 'engaged'
              | 'cart_abandoner'
              | 'first_buyer'
              | 'repeat'
              | 'loyal'
              | 'at_risk'
              | 'lapsed';
            /** @default  */
            subject?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string;
              /** @default null */
              cta: string | null;
              /** @enum {string} */
              format: 'email' | 'sms' | 'whatsapp' | 'push' | 'banner' | 'receipt';
              /** @description null for a built-in default not yet edited */
              id: string | null;
              key: string;
              /** @enum {string} */
              locale: 'en' | 'es' | 'sv' | 'bg' | 'nl';
              /**
               * @default *
               * @enum {string}
               */
              stage:
                | '*'
                | 'visitor'
                | 'engaged'
                | 'cart_abandoner'
                | 'first_buyer'
                | 'repeat'
                | 'loyal'
                | 'at_risk'
                | 'lapsed';
              /** @default  */
              subject: string;
              updatedAt: string | null;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/messaging/templates/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Render a template in every format (or the unsaved content) with sample values; a variable without a value is refused */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            content?: {
              body: string;
              /** @default null */
              cta?: string | null;
              /** @enum {string} */
              format: 'email' | 'sms' | 'whatsapp' | 'push' | 'banner' | 'receipt';
              /** @default  */
              subject?: string;
            };
            key: string;
            /** @enum {string} */
            locale: 'en' | 'es' | 'sv' | 'bg' | 'nl';
            /** @enum {string} */
            stage?:
              | '*'
              | 'visitor'
              | 'engaged'
              | 'cart_abandoner'
              | 'first_buyer'
              | 'repeat'
              | 'loyal'
              | 'at_risk'
              | 'lapsed';
            values?: {
              [key: string]: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                format: 'email' | 'sms' | 'whatsapp' | 'push' | 'banner' | 'receipt';
                /** @description email only: MJML rendered */
                html: string | null;
                sms: {
                  characters: number;
                  /** @enum {string} */
                  encoding: 'GSM-7' | 'UCS-2';
                  segments: number;
                } | null;
                subject: string;
                text: string;
                whatsapp: {
                  language: string;
                  name: string;
                  parameters: string[];
                } | null;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List orders, newest first (a channel-bound key sees its channel, or one pickup code) */
    get: {
      parameters: {
        query?: {
          channelId?: string;
          /** @description nextCursor of the previous page */
          cursor?: string;
          customerId?: string;
          email?: string;
          limit?: number;
          /** @description the order number, e.g. OH-10234 (any case) */
          number?: string;
          phone?: string;
          /** @description the exact code (case-insensitive); never blank */
          pickupCode?: string;
          pickupLocationId?: string;
          /** @description placed before this moment (ISO 8601) */
          placedBefore?: unknown;
          /** @description placed at or after this moment (ISO 8601) */
          placedFrom?: unknown;
          /** @description exact match on the order number, id, customer id, email or phone (a till finding an order for a return) */
          q?: string;
          status?:
            | 'pending'
            | 'paid'
            | 'allocated'
            | 'partially_fulfilled'
            | 'fulfilled'
            | 'completed'
            | 'cancelled'
            | 'refunded';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                cartId: string | null;
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery:
                  | {
                      address: {
                        city: string;
                        country: string;
                        latitude?: number;
                        line1: string;
                        line2?: string;
                        longitude?: number;
                        name?: string;
                        phone?: string;
                        postalCode: string;
                        region?: string;
                      };
                      method: string;
                      /** @enum {string} */
                      type: 'ship';
                    }
                  | {
                      locationId: string;
                      locationName: string | null;
                      /** @enum {string} */
                      type: 'pickup';
                    }
                  | {
                      /**
                       * @description bought and taken at the till
                       * @enum {string}
                       */
                      type: 'carry_out';
                    };
                email: string | null;
                externalId: string | null;
                externalSource: string | null;
                history: {
                  /** Format: date-time */
                  at: string;
                  /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                  by?: string | null;
                  from:
                    | (
                        | 'pending'
                        | 'paid'
                        | 'allocated'
                        | 'partially_fulfilled'
                        | 'fulfilled'
                        | 'completed'
                        | 'cancelled'
                        | 'refunded'
                      )
                    | null;
                  reason: string | null;
                  /** @enum {string} */
                  to:
                    | 'pending'
                    | 'paid'
                    | 'allocated'
                    | 'partially_fulfilled'
                    | 'fulfilled'
                    | 'completed'
                    | 'cancelled'
                    | 'refunded';
                }[];
                id: string;
                lines: {
                  /** @description set when units were sold beyond the stock */
                  backorder?: {
                    /** @description YYYY-MM-DD: the release or expected restock date */
                    expectedFrom: string | null;
                    /** @enum {string} */
                    kind: 'backorder' | 'preorder';
                    /** @description units waiting for stock */
                    quantity: number;
                  };
                  discount: number;
                  fulfilledQuantity: number;
                  lineId: string;
                  priceOverride?: {
                    approvedBy: string | null;
                    approvedByName: string | null;
                    by: string;
                    byName: string;
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  returnedQuantity: number;
                  sku: string;
                  tax: number;
                  title: string;
                  /** @description quantity × unit price − discount + tax */
                  total: number;
                  unitPrice: number;
                }[];
                metadata: {
                  [key: string]: unknown;
                };
                /** @description the order number people read and search, e.g. OH-10234 */
                number: string;
                paidAmount: number;
                phone: string | null;
                /** @description click & collect: the code the customer shows at the store */
                pickup: {
                  code: string;
                  expiresAt: string | null;
                  locationId: string;
                } | null;
                /** Format: date-time */
                placedAt: string;
                refundedAmount: number;
                reservationIds: string[];
                /** @enum {string} */
                source: 'native' | 'imported';
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totals: {
                  discount: number;
                  grand: number;
                  items: number;
                  shipping: number;
                  tax: number;
                };
                /** Format: date-time */
                updatedAt: string;
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order with its fulfilments and returns */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              fulfilments: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                /** @enum {string} */
                kind: 'ship_from_warehouse' | 'ship_from_store' | 'pickup' | 'counter';
                lines: {
                  quantity: number;
                  reservationId: string | null;
                  sku: string;
                }[];
                locationId: string;
                orderId: string;
                routing: {
                  distanceKm: number | null;
                  /** @description why this location was chosen */
                  reason: string;
                  strategy: string;
                };
                /** @enum {string} */
                status: 'open' | 'ready_for_pickup' | 'shipped' | 'collected' | 'cancelled' | 'expired';
                tracking: {
                  [key: string]: unknown;
                } | null;
                /** Format: date-time */
                updatedAt: string;
              }[];
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              returns: {
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                currency: string;
                id: string;
                lines: {
                  /** @enum {string} */
                  disposition: 'restock' | 'write_off';
                  quantity: number;
                  reason: string | null;
                  refundAmount: number;
                  sku: string;
                }[];
                locationId: string | null;
                /** @enum {string} */
                method: 'in_store' | 'mail';
                orderId: string;
                refundAmount: number;
                /** @enum {string} */
                refundMethod: 'original_payment' | 'store_credit';
              }[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel before fulfilment: releases the stock, voids or refunds the money (409 with the reason otherwise) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/confirmation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email the order confirmation again to the order's address (emits order.confirmation_sent)
     * @description 422 when the order has no email address; 503 mail_not_configured without a mail relay.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              number: string;
              orderId: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Staff notes on an order, oldest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                id: string;
                orderId: string;
                text: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Write a staff note on an order (emits order.note_added) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              createdAt: string;
              createdBy: string;
              id: string;
              orderId: string;
              text: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order's payments and refunds */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              payments: {
                amount: number;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                failureCode: string | null;
                failureMessage: string | null;
                id: string;
                orderId: string;
                provider: string;
                providerRef: string | null;
                refundedAmount: number;
                /** @enum {string} */
                status: 'pending' | 'authorized' | 'captured' | 'failed' | 'voided' | 'refunded';
                /** Format: date-time */
                updatedAt: string;
              }[];
              refunds: {
                amount: number;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                id: string;
                /** @enum {string} */
                method: 'original_payment' | 'store_credit';
                orderId: string;
                paymentId: string | null;
                providerRef: string | null;
                reason: string | null;
                returnId: string | null;
                /** @enum {string} */
                status: 'succeeded' | 'failed';
                storeCreditCode: string | null;
                storeCreditId: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Pay a pending order (`manual`: money taken at the till); 402 when refused */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description `manual` (pay at the till or on pickup), `test`, `external` or an adapter; the hub must enable it and the channel accept it (docs/payments.md) */
            provider: string;
            /** @description the provider's payment token (for `test`: see docs/payments.md) */
            token?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/pickup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Click & collect at the till: the code, at the store the order waits at (422 pickup_refused with the reason) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
            /** @description the store where the customer is */
            locationId: string;
            /** @description for an order not paid yet (pay on pickup) */
            payment?: {
              /** @description `manual` (pay at the till or on pickup), `test`, `external` or an adapter; the hub must enable it and the channel accept it (docs/payments.md) */
              provider: string;
              /** @description the provider's payment token (for `test`: see docs/payments.md) */
              token?: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/receipt-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email the receipt (order number, lines, totals, tenders and change) to the customer
     * @description The address is used for this mail only. 503 mail_not_configured without a mail relay.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            /**
             * @description the receipt's language (the till's page); default: the store channel's first locale
             * @enum {string}
             */
            locale?: 'en' | 'es' | 'sv' | 'bg' | 'nl';
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              language: 'en' | 'es' | 'sv' | 'bg' | 'nl';
              orderNumber: string;
              sentTo: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Refund money without a return: part of it, or all of it once delivered
     * @description Without amount, everything still refundable. 422 naming body.amount when it exceeds what was paid and not refunded; 409 for an unpaid, cancelled or (for a full refund) undelivered order.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description minor units */
            amount?: number;
            /**
             * @default original_payment
             * @enum {string}
             */
            method?: 'original_payment' | 'store_credit';
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              order: {
                cartId: string | null;
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery:
                  | {
                      address: {
                        city: string;
                        country: string;
                        latitude?: number;
                        line1: string;
                        line2?: string;
                        longitude?: number;
                        name?: string;
                        phone?: string;
                        postalCode: string;
                        region?: string;
                      };
                      method: string;
                      /** @enum {string} */
                      type: 'ship';
                    }
                  | {
                      locationId: string;
                      locationName: string | null;
                      /** @enum {string} */
                      type: 'pickup';
                    }
                  | {
                      /**
                       * @description bought and taken at the till
                       * @enum {string}
                       */
                      type: 'carry_out';
                    };
                email: string | null;
                externalId: string | null;
                externalSource: string | null;
                history: {
                  /** Format: date-time */
                  at: string;
                  /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                  by?: string | null;
                  from:
                    | (
                        | 'pending'
                        | 'paid'
                        | 'allocated'
                        | 'partially_fulfilled'
                        | 'fulfilled'
                        | 'completed'
                        | 'cancelled'
                        | 'refunded'
                      )
                    | null;
                  reason: string | null;
                  /** @enum {string} */
                  to:
                    | 'pending'
                    | 'paid'
                    | 'allocated'
                    | 'partially_fulfilled'
                    | 'fulfilled'
                    | 'completed'
                    | 'cancelled'
                    | 'refunded';
                }[];
                id: string;
                lines: {
                  /** @description set when units were sold beyond the stock */
                  backorder?: {
                    /** @description YYYY-MM-DD: the release or expected restock date */
                    expectedFrom: string | null;
                    /** @enum {string} */
                    kind: 'backorder' | 'preorder';
                    /** @description units waiting for stock */
                    quantity: number;
                  };
                  discount: number;
                  fulfilledQuantity: number;
                  lineId: string;
                  priceOverride?: {
                    approvedBy: string | null;
                    approvedByName: string | null;
                    by: string;
                    byName: string;
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  returnedQuantity: number;
                  sku: string;
                  tax: number;
                  title: string;
                  /** @description quantity × unit price − discount + tax */
                  total: number;
                  unitPrice: number;
                }[];
                metadata: {
                  [key: string]: unknown;
                };
                /** @description the order number people read and search, e.g. OH-10234 */
                number: string;
                paidAmount: number;
                phone: string | null;
                /** @description click & collect: the code the customer shows at the store */
                pickup: {
                  code: string;
                  expiresAt: string | null;
                  locationId: string;
                } | null;
                /** Format: date-time */
                placedAt: string;
                refundedAmount: number;
                reservationIds: string[];
                /** @enum {string} */
                source: 'native' | 'imported';
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totals: {
                  discount: number;
                  grand: number;
                  items: number;
                  shipping: number;
                  tax: number;
                };
                /** Format: date-time */
                updatedAt: string;
              };
              refunds: {
                amount: number;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                id: string;
                /** @enum {string} */
                method: 'original_payment' | 'store_credit';
                orderId: string;
                paymentId: string | null;
                providerRef: string | null;
                reason: string | null;
                returnId: string | null;
                /** @enum {string} */
                status: 'succeeded' | 'failed';
                storeCreditCode: string | null;
                storeCreditId: string | null;
              }[];
              storeCredit: {
                balance: number;
                code: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                id: string;
                issuedAmount: number;
                orderId: string | null;
                profileId: string | null;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Return anywhere: at any store or by mail, partly or fully; restock or write off; refund or store credit
     * @description 422 return_refused (with the reason) for more than was bought, unknown SKUs or undelivered orders; nothing changes.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the channel taking the return (defaults to the key’s channel) */
            channelId?: string;
            lines: {
              /**
               * @default restock
               * @enum {string}
               */
              disposition?: 'restock' | 'write_off';
              quantity: number;
              /** @description required for write_off */
              reason?: string;
              sku: string;
            }[];
            /** @description the receiving store or warehouse (id or code) */
            location: string;
            /**
             * @default in_store
             * @enum {string}
             */
            method?: 'in_store' | 'mail';
            /**
             * @default original_payment
             * @enum {string}
             */
            refundMethod?: 'original_payment' | 'store_credit';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              order: {
                cartId: string | null;
                channelId: string;
                currency: string;
                customerId: string | null;
                delivery:
                  | {
                      address: {
                        city: string;
                        country: string;
                        latitude?: number;
                        line1: string;
                        line2?: string;
                        longitude?: number;
                        name?: string;
                        phone?: string;
                        postalCode: string;
                        region?: string;
                      };
                      method: string;
                      /** @enum {string} */
                      type: 'ship';
                    }
                  | {
                      locationId: string;
                      locationName: string | null;
                      /** @enum {string} */
                      type: 'pickup';
                    }
                  | {
                      /**
                       * @description bought and taken at the till
                       * @enum {string}
                       */
                      type: 'carry_out';
                    };
                email: string | null;
                externalId: string | null;
                externalSource: string | null;
                history: {
                  /** Format: date-time */
                  at: string;
                  /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                  by?: string | null;
                  from:
                    | (
                        | 'pending'
                        | 'paid'
                        | 'allocated'
                        | 'partially_fulfilled'
                        | 'fulfilled'
                        | 'completed'
                        | 'cancelled'
                        | 'refunded'
                      )
                    | null;
                  reason: string | null;
                  /** @enum {string} */
                  to:
                    | 'pending'
                    | 'paid'
                    | 'allocated'
                    | 'partially_fulfilled'
                    | 'fulfilled'
                    | 'completed'
                    | 'cancelled'
                    | 'refunded';
                }[];
                id: string;
                lines: {
                  /** @description set when units were sold beyond the stock */
                  backorder?: {
                    /** @description YYYY-MM-DD: the release or expected restock date */
                    expectedFrom: string | null;
                    /** @enum {string} */
                    kind: 'backorder' | 'preorder';
                    /** @description units waiting for stock */
                    quantity: number;
                  };
                  discount: number;
                  fulfilledQuantity: number;
                  lineId: string;
                  priceOverride?: {
                    approvedBy: string | null;
                    approvedByName: string | null;
                    by: string;
                    byName: string;
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  returnedQuantity: number;
                  sku: string;
                  tax: number;
                  title: string;
                  /** @description quantity × unit price − discount + tax */
                  total: number;
                  unitPrice: number;
                }[];
                metadata: {
                  [key: string]: unknown;
                };
                /** @description the order number people read and search, e.g. OH-10234 */
                number: string;
                paidAmount: number;
                phone: string | null;
                /** @description click & collect: the code the customer shows at the store */
                pickup: {
                  code: string;
                  expiresAt: string | null;
                  locationId: string;
                } | null;
                /** Format: date-time */
                placedAt: string;
                refundedAmount: number;
                reservationIds: string[];
                /** @enum {string} */
                source: 'native' | 'imported';
                /** @enum {string} */
                status:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
                totals: {
                  discount: number;
                  grand: number;
                  items: number;
                  shipping: number;
                  tax: number;
                };
                /** Format: date-time */
                updatedAt: string;
              };
              return: {
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                currency: string;
                id: string;
                lines: {
                  /** @enum {string} */
                  disposition: 'restock' | 'write_off';
                  quantity: number;
                  reason: string | null;
                  refundAmount: number;
                  sku: string;
                }[];
                locationId: string | null;
                /** @enum {string} */
                method: 'in_store' | 'mail';
                orderId: string;
                refundAmount: number;
                /** @enum {string} */
                refundMethod: 'original_payment' | 'store_credit';
              };
              storeCredit: {
                balance: number;
                code: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                id: string;
                issuedAmount: number;
                orderId: string | null;
                profileId: string | null;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/expire-pickups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel click & collect orders whose pickup time passed (their stock goes back on sale) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              expired: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An order from a marketplace or other platform (idempotent by externalSource + externalId) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            address?: {
              city: string;
              country: string;
              /** @description for routing to the nearest location */
              latitude?: number;
              line1: string;
              longitude?: number;
              name?: string;
              postalCode: string;
            };
            channelId?: string;
            currency: string;
            /** @description the marketplace's discounts as it gave them: spread over the lines; a code the hub knows counts one use of its campaign */
            discounts?: {
              amount: number;
              code?: string;
              title?: string;
            }[];
            /** Format: email */
            email?: string;
            externalId: string;
            externalSource: string;
            lines: {
              quantity: number;
              sku: string;
              tax?: number;
              title?: string;
              unitPrice: number;
            }[];
            /** @default true */
            paid?: boolean;
            phone?: string;
            /**
             * @description how to pick the shipping locations (default nearest_with_stock)
             * @enum {string}
             */
            routing?: 'nearest_with_stock' | 'fewest_shipments' | 'store_priority';
            shipping?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cartId: string | null;
              channelId: string;
              currency: string;
              customerId: string | null;
              delivery:
                | {
                    address: {
                      city: string;
                      country: string;
                      latitude?: number;
                      line1: string;
                      line2?: string;
                      longitude?: number;
                      name?: string;
                      phone?: string;
                      postalCode: string;
                      region?: string;
                    };
                    method: string;
                    /** @enum {string} */
                    type: 'ship';
                  }
                | {
                    locationId: string;
                    locationName: string | null;
                    /** @enum {string} */
                    type: 'pickup';
                  }
                | {
                    /**
                     * @description bought and taken at the till
                     * @enum {string}
                     */
                    type: 'carry_out';
                  };
              email: string | null;
              externalId: string | null;
              externalSource: string | null;
              history: {
                /** Format: date-time */
                at: string;
                /** @description who made the change: a staff member or API key id (null: recorded before this was kept) */
                by?: string | null;
                from:
                  | (
                      | 'pending'
                      | 'paid'
                      | 'allocated'
                      | 'partially_fulfilled'
                      | 'fulfilled'
                      | 'completed'
                      | 'cancelled'
                      | 'refunded'
                    )
                  | null;
                reason: string | null;
                /** @enum {string} */
                to:
                  | 'pending'
                  | 'paid'
                  | 'allocated'
                  | 'partially_fulfilled'
                  | 'fulfilled'
                  | 'completed'
                  | 'cancelled'
                  | 'refunded';
              }[];
              id: string;
              lines: {
                /** @description set when units were sold beyond the stock */
                backorder?: {
                  /** @description YYYY-MM-DD: the release or expected restock date */
                  expectedFrom: string | null;
                  /** @enum {string} */
                  kind: 'backorder' | 'preorder';
                  /** @description units waiting for stock */
                  quantity: number;
                };
                discount: number;
                fulfilledQuantity: number;
                lineId: string;
                priceOverride?: {
                  approvedBy: string | null;
                  approvedByName: string | null;
                  by: string;
                  byName: string;
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                returnedQuantity: number;
                sku: string;
                tax: number;
                title: string;
                /** @description quantity × unit price − discount + tax */
                total: number;
                unitPrice: number;
              }[];
              metadata: {
                [key: string]: unknown;
              };
              /** @description the order number people read and search, e.g. OH-10234 */
              number: string;
              paidAmount: number;
              phone: string | null;
              /** @description click & collect: the code the customer shows at the store */
              pickup: {
                code: string;
                expiresAt: string | null;
                locationId: string;
              } | null;
              /** Format: date-time */
              placedAt: string;
              refundedAmount: number;
              reservationIds: string[];
              /** @enum {string} */
              source: 'native' | 'imported';
              /** @enum {string} */
              status:
                | 'pending'
                | 'paid'
                | 'allocated'
                | 'partially_fulfilled'
                | 'fulfilled'
                | 'completed'
                | 'cancelled'
                | 'refunded';
              totals: {
                discount: number;
                grand: number;
                items: number;
                shipping: number;
                tax: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Orders, revenue and refunds per channel and currency since a moment (e.g. the start of today) */
    get: {
      parameters: {
        query: {
          channelId?: string;
          /** @description ISO timestamp; orders placed at or after it */
          since: unknown;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                cancelled: number;
                channelId: string;
                currency: string;
                /** @description orders placed since `since`, cancelled ones excluded */
                orders: number;
                /** @description Σ refunded on those orders, in minor units */
                refunded: number;
                /** @description Σ grand totals of those orders that are paid (awaiting payment excluded), in minor units */
                revenue: number;
              }[];
              /** Format: date-time */
              since: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/promotions/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List campaigns (by id; page with after) */
    get: {
      parameters: {
        query?: {
          after?: string;
          kind?: 'automatic' | 'code';
          limit?: number;
          status?: 'active' | 'paused' | 'archived';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                benefit:
                  | {
                      /** @description basis points: 1000 = 10 % */
                      percentBp: number;
                      /** @enum {string} */
                      type: 'percentage';
                    }
                  | {
                      amount: number;
                      /** @enum {string} */
                      type: 'fixed';
                    }
                  | {
                      /** @enum {string} */
                      type: 'free_shipping';
                    }
                  | {
                      buy: number;
                      get: number;
                      /**
                       * @description off the cheapest units got (10000 = free)
                       * @default 10000
                       */
                      percentBp: number;
                      /** @enum {string} */
                      type: 'buy_x_get_y';
                    }
                  | {
                      /** @description spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies */
                      tiers: {
                        amount: number;
                        minSpend: number;
                      }[];
                      /** @enum {string} */
                      type: 'tiered';
                    }
                  | {
                      /** @description one set: these SKUs in these quantities */
                      items: {
                        quantity: number;
                        sku: string;
                      }[];
                      /** @description what one complete set costs (campaign currency); each set in the cart gets it */
                      price: number;
                      /** @enum {string} */
                      type: 'bundle';
                    };
                conditions: {
                  /** @description the customer is in one of these CDP audiences (membership as the CDP keeps it, live) */
                  audienceIds?: string[];
                  /** @description only items in these categories count and are discounted */
                  categories?: string[];
                  /** @description valid only on these channels (default every channel) */
                  channelIds?: string[];
                  /** @description only items in one of these product collections (by SKU or category) count and are discounted */
                  collectionIds?: string[];
                  /** @description the customer is at one of these journey stages */
                  customerStages?: string[];
                  /** @description the customer carries one of these tags */
                  customerTags?: string[];
                  minQuantity?: number;
                  /** @description eligible items worth at least this (campaign currency) */
                  minSpend?: number;
                  /** @description only these items count and are discounted */
                  skus?: string[];
                };
                /** Format: date-time */
                createdAt: string;
                currency: string | null;
                endsAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'automatic' | 'code';
                name: string;
                perCustomerLimit: number | null;
                priority: number;
                /** @enum {string} */
                stacking: 'exclusive' | 'stackable' | 'best_for_customer';
                /** @description the start as an instant */
                startsAt: string | null;
                /** @enum {string} */
                status: 'active' | 'paused' | 'archived';
                timeZone: string;
                /** Format: date-time */
                updatedAt: string;
                usageLimit: number | null;
                used: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a campaign (automatic, or applied by coupon code) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            benefit:
              | {
                  /** @description basis points: 1000 = 10 % */
                  percentBp: number;
                  /** @enum {string} */
                  type: 'percentage';
                }
              | {
                  amount: number;
                  /** @enum {string} */
                  type: 'fixed';
                }
              | {
                  /** @enum {string} */
                  type: 'free_shipping';
                }
              | {
                  buy: number;
                  get: number;
                  /**
                   * @description off the cheapest units got (10000 = free)
                   * @default 10000
                   */
                  percentBp?: number;
                  /** @enum {string} */
                  type: 'buy_x_get_y';
                }
              | {
                  /** @description spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies */
                  tiers: {
                    amount: number;
                    minSpend: number;
                  }[];
                  /** @enum {string} */
                  type: 'tiered';
                }
              | {
                  /** @description one set: these SKUs in these quantities */
                  items: {
                    quantity: number;
                    sku: string;
                  }[];
                  /** @description what one complete set costs (campaign currency); each set in the cart gets it */
                  price: number;
                  /** @enum {string} */
                  type: 'bundle';
                };
            /** @default {} */
            conditions?: {
              /** @description the customer is in one of these CDP audiences (membership as the CDP keeps it, live) */
              audienceIds?: string[];
              /** @description only items in these categories count and are discounted */
              categories?: string[];
              /** @description valid only on these channels (default every channel) */
              channelIds?: string[];
              /** @description only items in one of these product collections (by SKU or category) count and are discounted */
              collectionIds?: string[];
              /** @description the customer is at one of these journey stages */
              customerStages?: string[];
              /** @description the customer carries one of these tags */
              customerTags?: string[];
              minQuantity?: number;
              /** @description eligible items worth at least this (campaign currency) */
              minSpend?: number;
              /** @description only these items count and are discounted */
              skus?: string[];
            };
            /** @description required when the benefit or minimum spend is an amount */
            currency?: string;
            /** @description local time in timeZone (exclusive) */
            endsAt?: string;
            /** @enum {string} */
            kind: 'automatic' | 'code';
            name: string;
            /** @default null */
            perCustomerLimit?: number | null;
            /**
             * @description higher first
             * @default 0
             */
            priority?: number;
            /**
             * @default stackable
             * @enum {string}
             */
            stacking?: 'exclusive' | 'stackable' | 'best_for_customer';
            /** @description local time in timeZone */
            startsAt?: string;
            /**
             * @default active
             * @enum {string}
             */
            status?: 'active' | 'paused' | 'archived';
            /** @default UTC */
            timeZone?: string;
            /** @default null */
            usageLimit?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              benefit:
                | {
                    /** @description basis points: 1000 = 10 % */
                    percentBp: number;
                    /** @enum {string} */
                    type: 'percentage';
                  }
                | {
                    amount: number;
                    /** @enum {string} */
                    type: 'fixed';
                  }
                | {
                    /** @enum {string} */
                    type: 'free_shipping';
                  }
                | {
                    buy: number;
                    get: number;
                    /**
                     * @description off the cheapest units got (10000 = free)
                     * @default 10000
                     */
                    percentBp: number;
                    /** @enum {string} */
                    type: 'buy_x_get_y';
                  }
                | {
                    /** @description spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies */
                    tiers: {
                      amount: number;
                      minSpend: number;
                    }[];
                    /** @enum {string} */
                    type: 'tiered';
                  }
                | {
                    /** @description one set: these SKUs in these quantities */
                    items: {
                      quantity: number;
                      sku: string;
                    }[];
                    /** @description what one complete set costs (campaign currency); each set in the cart gets it */
                    price: number;
                    /** @enum {string} */
                    type: 'bundle';
                  };
              conditions: {
                /** @description the customer is in one of these CDP audiences (membership as the CDP keeps it, live) */
                audienceIds?: string[];
                /** @description only items in these categories count and are discounted */
                categories?: string[];
                /** @description valid only on these channels (default every channel) */
                channelIds?: string[];
                /** @description only items in one of these product collections (by SKU or category) count and are discounted */
                collectionIds?: string[];
                /** @description the customer is at one of these journey stages */
                customerStages?: string[];
                /** @description the customer carries one of these tags */
                customerTags?: string[];
                minQuantity?: number;
                /** @description eligible items worth at least this (campaign currency) */
                minSpend?: number;
                /** @description only these items count and are discounted */
                skus?: string[];
              };
              /** Format: date-time */
              createdAt: string;
              currency: string | null;
              endsAt: string | null;
              id: string;
              /** @enum {string} */
              kind: 'automatic' | 'code';
              name: string;
              perCustomerLimit: number | null;
              priority: number;
              /** @enum {string} */
              stacking: 'exclusive' | 'stackable' | 'best_for_customer';
              /** @description the start as an instant */
              startsAt: string | null;
              /** @enum {string} */
              status: 'active' | 'paused' | 'archived';
              timeZone: string;
              /** Format: date-time */
              updatedAt: string;
              usageLimit: number | null;
              used: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/promotions/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a campaign */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              benefit:
                | {
                    /** @description basis points: 1000 = 10 % */
                    percentBp: number;
                    /** @enum {string} */
                    type: 'percentage';
                  }
                | {
                    amount: number;
                    /** @enum {string} */
                    type: 'fixed';
                  }
                | {
                    /** @enum {string} */
                    type: 'free_shipping';
                  }
                | {
                    buy: number;
                    get: number;
                    /**
                     * @description off the cheapest units got (10000 = free)
                     * @default 10000
                     */
                    percentBp: number;
                    /** @enum {string} */
                    type: 'buy_x_get_y';
                  }
                | {
                    /** @description spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies */
                    tiers: {
                      amount: number;
                      minSpend: number;
                    }[];
                    /** @enum {string} */
                    type: 'tiered';
                  }
                | {
                    /** @description one set: these SKUs in these quantities */
                    items: {
                      quantity: number;
                      sku: string;
                    }[];
                    /** @description what one complete set costs (campaign currency); each set in the cart gets it */
                    price: number;
                    /** @enum {string} */
                    type: 'bundle';
                  };
              conditions: {
                /** @description the customer is in one of these CDP audiences (membership as the CDP keeps it, live) */
                audienceIds?: string[];
                /** @description only items in these categories count and are discounted */
                categories?: string[];
                /** @description valid only on these channels (default every channel) */
                channelIds?: string[];
                /** @description only items in one of these product collections (by SKU or category) count and are discounted */
                collectionIds?: string[];
                /** @description the customer is at one of these journey stages */
                customerStages?: string[];
                /** @description the customer carries one of these tags */
                customerTags?: string[];
                minQuantity?: number;
                /** @description eligible items worth at least this (campaign currency) */
                minSpend?: number;
                /** @description only these items count and are discounted */
                skus?: string[];
              };
              /** Format: date-time */
              createdAt: string;
              currency: string | null;
              endsAt: string | null;
              id: string;
              /** @enum {string} */
              kind: 'automatic' | 'code';
              name: string;
              perCustomerLimit: number | null;
              priority: number;
              /** @enum {string} */
              stacking: 'exclusive' | 'stackable' | 'best_for_customer';
              /** @description the start as an instant */
              startsAt: string | null;
              /** @enum {string} */
              status: 'active' | 'paused' | 'archived';
              timeZone: string;
              /** Format: date-time */
              updatedAt: string;
              usageLimit: number | null;
              used: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a campaign (pause, end, limits, priority, stacking) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            benefit?:
              | {
                  /** @description basis points: 1000 = 10 % */
                  percentBp: number;
                  /** @enum {string} */
                  type: 'percentage';
                }
              | {
                  amount: number;
                  /** @enum {string} */
                  type: 'fixed';
                }
              | {
                  /** @enum {string} */
                  type: 'free_shipping';
                }
              | {
                  buy: number;
                  get: number;
                  /**
                   * @description off the cheapest units got (10000 = free)
                   * @default 10000
                   */
                  percentBp?: number;
                  /** @enum {string} */
                  type: 'buy_x_get_y';
                }
              | {
                  /** @description spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies */
                  tiers: {
                    amount: number;
                    minSpend: number;
                  }[];
                  /** @enum {string} */
                  type: 'tiered';
                }
              | {
                  /** @description one set: these SKUs in these quantities */
                  items: {
                    quantity: number;
                    sku: string;
                  }[];
                  /** @description what one complete set costs (campaign currency); each set in the cart gets it */
                  price: number;
                  /** @enum {string} */
                  type: 'bundle';
                };
            /** @description replaces the rules as a whole */
            conditions?: {
              /** @description the customer is in one of these CDP audiences (membership as the CDP keeps it, live) */
              audienceIds?: string[];
              /** @description only items in these categories count and are discounted */
              categories?: string[];
              /** @description valid only on these channels (default every channel) */
              channelIds?: string[];
              /** @description only items in one of these product collections (by SKU or category) count and are discounted */
              collectionIds?: string[];
              /** @description the customer is at one of these journey stages */
              customerStages?: string[];
              /** @description the customer carries one of these tags */
              customerTags?: string[];
              minQuantity?: number;
              /** @description eligible items worth at least this (campaign currency) */
              minSpend?: number;
              /** @description only these items count and are discounted */
              skus?: string[];
            };
            currency?: string | null;
            endsAt?: string | null;
            name?: string;
            perCustomerLimit?: number | null;
            priority?: number;
            /** @enum {string} */
            stacking?: 'exclusive' | 'stackable' | 'best_for_customer';
            /** @description local time in timeZone */
            startsAt?: string | null;
            /** @enum {string} */
            status?: 'active' | 'paused' | 'archived';
            /** @description the zone startsAt and endsAt are read in */
            timeZone?: string;
            usageLimit?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              benefit:
                | {
                    /** @description basis points: 1000 = 10 % */
                    percentBp: number;
                    /** @enum {string} */
                    type: 'percentage';
                  }
                | {
                    amount: number;
                    /** @enum {string} */
                    type: 'fixed';
                  }
                | {
                    /** @enum {string} */
                    type: 'free_shipping';
                  }
                | {
                    buy: number;
                    get: number;
                    /**
                     * @description off the cheapest units got (10000 = free)
                     * @default 10000
                     */
                    percentBp: number;
                    /** @enum {string} */
                    type: 'buy_x_get_y';
                  }
                | {
                    /** @description spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies */
                    tiers: {
                      amount: number;
                      minSpend: number;
                    }[];
                    /** @enum {string} */
                    type: 'tiered';
                  }
                | {
                    /** @description one set: these SKUs in these quantities */
                    items: {
                      quantity: number;
                      sku: string;
                    }[];
                    /** @description what one complete set costs (campaign currency); each set in the cart gets it */
                    price: number;
                    /** @enum {string} */
                    type: 'bundle';
                  };
              conditions: {
                /** @description the customer is in one of these CDP audiences (membership as the CDP keeps it, live) */
                audienceIds?: string[];
                /** @description only items in these categories count and are discounted */
                categories?: string[];
                /** @description valid only on these channels (default every channel) */
                channelIds?: string[];
                /** @description only items in one of these product collections (by SKU or category) count and are discounted */
                collectionIds?: string[];
                /** @description the customer is at one of these journey stages */
                customerStages?: string[];
                /** @description the customer carries one of these tags */
                customerTags?: string[];
                minQuantity?: number;
                /** @description eligible items worth at least this (campaign currency) */
                minSpend?: number;
                /** @description only these items count and are discounted */
                skus?: string[];
              };
              /** Format: date-time */
              createdAt: string;
              currency: string | null;
              endsAt: string | null;
              id: string;
              /** @enum {string} */
              kind: 'automatic' | 'code';
              name: string;
              perCustomerLimit: number | null;
              priority: number;
              /** @enum {string} */
              stacking: 'exclusive' | 'stackable' | 'best_for_customer';
              /** @description the start as an instant */
              startsAt: string | null;
              /** @enum {string} */
              status: 'active' | 'paused' | 'archived';
              timeZone: string;
              /** Format: date-time */
              updatedAt: string;
              usageLimit: number | null;
              used: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/promotions/campaigns/{id}/codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add one named coupon code, or generate many unique random ones */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description one named code (this or count) */
            code?: string;
            /** @description random codes to generate */
            count?: number;
            /** @default  */
            prefix?: string;
            /** @default 1 */
            usageLimit?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              batchId: string | null;
              campaignId: string;
              /** @description the first 100; export the rest as CSV */
              codes: string[];
              count: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/promotions/campaigns/{id}/codes.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the campaign's coupon codes as CSV (code, usage_limit, used, batch_id) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/promotions/campaigns/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Campaign performance: orders, discount given and revenue, per channel
     * @description Counts orders holding a use of the campaign (a use given back on a failed payment or a cancellation is not counted), imported marketplace orders included.
     */
    get: {
      parameters: {
        query?: {
          /** @description from this instant (inclusive) */
          from?: string;
          /** @description until this instant (exclusive) */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              campaignId: string;
              /** @description per channel and currency */
              channels: {
                channelId: string;
                currency: string;
                /** @description discount given, minor units */
                discount: number;
                /** @description of which imported marketplace orders */
                marketplaceOrders: number;
                /** @description orders holding a use (given-back uses not counted) */
                orders: number;
                /** @description those orders' grand totals, minor units */
                revenue: number;
              }[];
              from: string | null;
              to: string | null;
              /** @description every channel together, per currency */
              totals: {
                currency: string;
                discount: number;
                orders: number;
                revenue: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/promotions/collections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Product collections campaigns can be narrowed to */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                categories: string[];
                /** Format: date-time */
                createdAt: string;
                id: string;
                name: string;
                skus: string[];
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a product collection (SKUs and categories) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            categories?: string[];
            name: string;
            /** @default [] */
            skus?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              /** Format: date-time */
              createdAt: string;
              id: string;
              name: string;
              skus: string[];
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/promotions/collections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace a collection's name and members (campaigns naming it follow at once) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default [] */
            categories?: string[];
            name: string;
            /** @default [] */
            skus?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              /** Format: date-time */
              createdAt: string;
              id: string;
              name: string;
              skus: string[];
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/promotions/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Try a campaign being edited (not saved) on a sample cart: does it apply, how much per line, or why not */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            campaign: {
              benefit:
                | {
                    /** @description basis points: 1000 = 10 % */
                    percentBp: number;
                    /** @enum {string} */
                    type: 'percentage';
                  }
                | {
                    amount: number;
                    /** @enum {string} */
                    type: 'fixed';
                  }
                | {
                    /** @enum {string} */
                    type: 'free_shipping';
                  }
                | {
                    buy: number;
                    get: number;
                    /**
                     * @description off the cheapest units got (10000 = free)
                     * @default 10000
                     */
                    percentBp?: number;
                    /** @enum {string} */
                    type: 'buy_x_get_y';
                  }
                | {
                    /** @description spend 10000 get 1000, spend 20000 get 2500: the highest tier reached applies */
                    tiers: {
                      amount: number;
                      minSpend: number;
                    }[];
                    /** @enum {string} */
                    type: 'tiered';
                  }
                | {
                    /** @description one set: these SKUs in these quantities */
                    items: {
                      quantity: number;
                      sku: string;
                    }[];
                    /** @description what one complete set costs (campaign currency); each set in the cart gets it */
                    price: number;
                    /** @enum {string} */
                    type: 'bundle';
                  };
              /** @default {} */
              conditions?: {
                /** @description the customer is in one of these CDP audiences (membership as the CDP keeps it, live) */
                audienceIds?: string[];
                /** @description only items in these categories count and are discounted */
                categories?: string[];
                /** @description valid only on these channels (default every channel) */
                channelIds?: string[];
                /** @description only items in one of these product collections (by SKU or category) count and are discounted */
                collectionIds?: string[];
                /** @description the customer is at one of these journey stages */
                customerStages?: string[];
                /** @description the customer carries one of these tags */
                customerTags?: string[];
                minQuantity?: number;
                /** @description eligible items worth at least this (campaign currency) */
                minSpend?: number;
                /** @description only these items count and are discounted */
                skus?: string[];
              };
              /** @description required when the benefit or minimum spend is an amount */
              currency?: string;
              /** @description local time in timeZone (exclusive) */
              endsAt?: string;
              /** @enum {string} */
              kind: 'automatic' | 'code';
              name: string;
              /** @default null */
              perCustomerLimit?: number | null;
              /**
               * @description higher first
               * @default 0
               */
              priority?: number;
              /**
               * @default stackable
               * @enum {string}
               */
              stacking?: 'exclusive' | 'stackable' | 'best_for_customer';
              /** @description local time in timeZone */
              startsAt?: string;
              /**
               * @default active
               * @enum {string}
               */
              status?: 'active' | 'paused' | 'archived';
              /** @default UTC */
              timeZone?: string;
              /** @default null */
              usageLimit?: number | null;
            };
            cart: {
              channelId: string;
              currency: string;
              /** @description or a made-up customer */
              customer?: {
                audienceIds?: string[];
                stage?: string | null;
                tags?: string[];
              };
              /** @description a real customer's tags, stage and audiences */
              customerId?: string;
              lines: {
                /** @description default: the catalog's categories of the SKU */
                categories?: string[];
                quantity: number;
                sku: string;
                /** @description minor units */
                unitPrice: number;
              }[];
              shipping?: number;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              applied: {
                /** @description the whole discount, minor units */
                amount: number;
                campaignId: string;
                code: string | null;
                lines: {
                  amount: number;
                  lineId: string;
                }[];
                name: string;
                /** @description the part taken off shipping */
                shipping: number;
              }[];
              notApplied: {
                campaignId: string | null;
                code: string | null;
                currency?: string;
                missingAmount?: number;
                missingQuantity?: number;
                name: string | null;
                nextAmount?: number;
                /** @enum {string} */
                reason:
                  | 'unknown_code'
                  | 'not_in_channel'
                  | 'not_started'
                  | 'expired'
                  | 'paused'
                  | 'usage_exhausted'
                  | 'already_used'
                  | 'customer_not_eligible'
                  | 'no_eligible_items'
                  | 'currency_mismatch'
                  | 'min_spend_not_met'
                  | 'min_quantity_not_met'
                  | 'next_tier'
                  | 'exclusive_applied'
                  | 'better_offer_applied';
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/push/vapid-public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The hub's VAPID public key (base64url), the applicationServerKey to subscribe with */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              publicKey: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/regulations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The regulations carried out, newest first (as Segment lists them)
     * @description Each suppress, delete or unsuppress with its subject (a customer, or the type of one identifier: never its value), how many identifiers it covered, who asked and when. Regulations run at once, so every listed one is finished.
     */
    get: {
      parameters: {
        query?: {
          /** @description `next` of the previous page */
          before?: string;
          customerId?: string;
          limit?: number;
          regulationType?: 'suppress_only' | 'suppress_with_delete' | 'unsuppress';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actor: string;
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                id: string;
                identifiers: number;
                reason: string | null;
                /** @description suppress_only, suppress_with_delete or unsuppress */
                regulationType: string;
                /** @enum {string} */
                status: 'finished';
                subject: {
                  identifierType: string | null;
                  /** @enum {string} */
                  kind: 'customer' | 'identifier';
                };
              }[];
              next: string | null;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Regulate a customer or an identifier: suppress only, suppress with delete, or unsuppress
     * @description suppress_only: events carrying the identifiers are dropped from now on, stored data stays. suppress_with_delete: the GDPR erasure across the hub (its tombstones refuse new data too). unsuppress: lifts suppressions and erasure tombstones, so the identifiers identify people again. By profile the whole merged cluster is covered; by identifier only that identifier.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
            /** @enum {string} */
            regulationType: 'suppress_only' | 'suppress_with_delete' | 'unsuppress';
            subject:
              | {
                  customerId: string;
                }
              | {
                  identifier: {
                    /** @description email, phone, user_id, anonymous_id, loyalty_card or an external id type */
                    type: string;
                    value: string;
                  };
                };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              at: string;
              customerId: string | null;
              erasure: {
                customerId: string;
                erasedAt: string;
                erasedProfileIds: string[];
                eventsAnonymized: number;
                identifiersErased: number;
                redacted: {
                  [key: string]: number;
                };
              } | null;
              /** @description the regulation record, listed by GET /api/regulations */
              id: string;
              /** @description identifiers suppressed, erased or lifted */
              identifiers: number;
              /** @enum {string} */
              regulationType: 'suppress_only' | 'suppress_with_delete' | 'unsuppress';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Returns and refunds of orders from every channel, newest first */
    get: {
      parameters: {
        query?: {
          /** @description sold or returned on this channel */
          channelId?: string;
          /** @description nextCursor of the previous page */
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                currency: string;
                id: string;
                lines: {
                  /** @enum {string} */
                  disposition: 'restock' | 'write_off';
                  quantity: number;
                  reason: string | null;
                  refundAmount: number;
                  sku: string;
                }[];
                locationId: string | null;
                /** @enum {string} */
                method: 'in_store' | 'mail';
                orderChannelId: string;
                orderId: string;
                refundAmount: number;
                /** @enum {string} */
                refundMethod: 'original_payment' | 'store_credit';
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/review-requests/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The review page of an order: its products and the reviews already written */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              expiresAt: string;
              order: {
                channelId: string;
                id: string;
                number: string;
                /** Format: date-time */
                placedAt: string;
              };
              products: {
                productId: string;
                review: {
                  id: string;
                  rating: number;
                  /** @enum {string} */
                  status: 'pending' | 'published' | 'rejected';
                } | null;
                sku: string;
                title: string;
              }[];
              /** @description how the reviews will be signed: first name and initial */
              reviewerName: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/review-requests/{token}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Review one product of the order (pending until moderated; one per order and product)
     * @description At most 20 a minute per client address and link, 60 calls a minute per address to review links, 30 reviews of one product in 10 minutes from all links: over that, 429 rate_limited with Retry-After.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body?: string;
            /** @default en */
            locale?: string;
            productId: string;
            rating: number;
            title?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              /** Format: date-time */
              createdAt: string;
              id: string;
              locale: string;
              productId: string;
              rating: number;
              reviewerName: string;
              /** @enum {string} */
              status: 'pending' | 'published' | 'rejected';
              title: string | null;
              /** @enum {boolean} */
              verifiedPurchase: true;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List reviews for moderation, newest first (page with after) */
    get: {
      parameters: {
        query?: {
          /** @description the `next` of the previous page */
          after?: string;
          channelId?: string;
          limit?: number;
          productId?: string;
          rating?: number;
          status?: 'pending' | 'published' | 'rejected';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                body: string | null;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                decidedAt: string | null;
                decidedBy: string | null;
                id: string;
                locale: string;
                orderId: string;
                productId: string;
                productTitle: string;
                rating: number;
                rejectReason: string | null;
                /** @description first name and initial; never an email address */
                reviewerName: string;
                sku: string;
                /** @enum {string} */
                status: 'pending' | 'published' | 'rejected';
                title: string | null;
                /**
                 * @description every review comes from an order
                 * @enum {boolean}
                 */
                verifiedPurchase: true;
              }[];
              next: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a pending review: it shows on the product page of every channel */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              decidedAt: string | null;
              decidedBy: string | null;
              id: string;
              locale: string;
              orderId: string;
              productId: string;
              productTitle: string;
              rating: number;
              rejectReason: string | null;
              /** @description first name and initial; never an email address */
              reviewerName: string;
              sku: string;
              /** @enum {string} */
              status: 'pending' | 'published' | 'rejected';
              title: string | null;
              /**
               * @description every review comes from an order
               * @enum {boolean}
               */
              verifiedPurchase: true;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reviews/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a pending review or take a published one down, with the reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              customerId: string | null;
              decidedAt: string | null;
              decidedBy: string | null;
              id: string;
              locale: string;
              orderId: string;
              productId: string;
              productTitle: string;
              rating: number;
              rejectReason: string | null;
              /** @description first name and initial; never an email address */
              reviewerName: string;
              sku: string;
              /** @enum {string} */
              status: 'pending' | 'published' | 'rejected';
              title: string | null;
              /**
               * @description every review comes from an order
               * @enum {boolean}
               */
              verifiedPurchase: true;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/score': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The omnichannel score: each dimension measured from the data, with its evidence and next step */
    get: {
      parameters: {
        query?: {
          /** @description the window measured: the last N days */
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              days: number;
              dimensions: {
                /** @description the headline numbers */
                figures: {
                  [key: string]: number;
                };
                /** @description how the score is computed from the figures */
                formula: string;
                /** @enum {string} */
                key:
                  | 'identity'
                  | 'sync'
                  | 'handoffs'
                  | 'conversations'
                  | 'campaigns'
                  | 'loyalty'
                  | 'click_collect'
                  | 'return_anywhere';
                nextStep: {
                  /** @description codes of the channels it concerns */
                  channels: string[];
                  code: string;
                  text: string;
                };
                perChannel: {
                  channelId: string | null;
                  /** @description channel code, a pair of codes (from → to), or an inbox channel kind */
                  label: string;
                  values: {
                    [key: string]: number | string | null;
                  };
                }[];
                /** @description a few of the records behind the figures, newest first */
                sample: {
                  id: string;
                  kind: string;
                  label: string;
                }[];
                score: number;
              }[];
              /** Format: date-time */
              measuredAt: string;
              /** @description the mean of the dimensions */
              overall: number;
              /** Format: date-time */
              since: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/score/advisor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which channels and capabilities to integrate next, and why (needs the retailer profile) */
    get: {
      parameters: {
        query?: {
          /** @description the window measured: the last N days */
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              advice: {
                /** @enum {string} */
                code:
                  | 'web'
                  | 'mobile_app'
                  | 'store'
                  | 'marketplace'
                  | 'social'
                  | 'messaging'
                  | 'identity'
                  | 'sync'
                  | 'handoffs'
                  | 'unified_inbox'
                  | 'omni_campaigns'
                  | 'loyalty_everywhere'
                  | 'click_collect'
                  | 'return_anywhere';
                /** @enum {string} */
                kind: 'channel' | 'capability';
                /** @description sum of the weights of the rules that fired */
                priority: number;
                reasons: {
                  rule: string;
                  text: string;
                  weight: number;
                }[];
              }[];
              overall: number;
              profile: {
                /** @description orders a year, every channel */
                annualOrders: number;
                /** @enum {string} */
                commerceType:
                  | 'fashion'
                  | 'grocery'
                  | 'electronics'
                  | 'home'
                  | 'beauty'
                  | 'sports'
                  | 'b2b'
                  | 'other';
                /** @enum {string} */
                customerHabits: 'digital_first' | 'mixed' | 'store_first';
                goals: (
                  | 'grow_online'
                  | 'store_traffic'
                  | 'retention'
                  | 'new_customers'
                  | 'efficiency'
                  | 'service'
                )[];
                /** @enum {string} */
                loyalty: 'low' | 'medium' | 'high';
                yearsInBusiness: number;
              } | null;
              updatedAt: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/score/advisor/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Saves the retailer's own answers to the advisor (type of commerce, customers, volume, years, goals) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description orders a year, every channel */
            annualOrders: number;
            /** @enum {string} */
            commerceType:
              | 'fashion'
              | 'grocery'
              | 'electronics'
              | 'home'
              | 'beauty'
              | 'sports'
              | 'b2b'
              | 'other';
            /** @enum {string} */
            customerHabits: 'digital_first' | 'mixed' | 'store_first';
            goals: (
              | 'grow_online'
              | 'store_traffic'
              | 'retention'
              | 'new_customers'
              | 'efficiency'
              | 'service'
            )[];
            /** @enum {string} */
            loyalty: 'low' | 'medium' | 'high';
            yearsInBusiness: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              profile: {
                /** @description orders a year, every channel */
                annualOrders: number;
                /** @enum {string} */
                commerceType:
                  | 'fashion'
                  | 'grocery'
                  | 'electronics'
                  | 'home'
                  | 'beauty'
                  | 'sports'
                  | 'b2b'
                  | 'other';
                /** @enum {string} */
                customerHabits: 'digital_first' | 'mixed' | 'store_first';
                goals: (
                  | 'grow_online'
                  | 'store_traffic'
                  | 'retention'
                  | 'new_customers'
                  | 'efficiency'
                  | 'service'
                )[];
                /** @enum {string} */
                loyalty: 'low' | 'medium' | 'high';
                yearsInBusiness: number;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shopper/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email a one-time sign-in code to a shopper
     * @description Always 202, whether or not the address is known. The code has 6 digits, is valid 10 minutes and allows 5 guesses; a new request replaces it.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelId?: string;
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              expiresInSeconds: number;
              /** @enum {string} */
              status: 'code_sent_if_possible';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shopper/sign-in/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trade the emailed code for a shopper session (cookie omnihub_shopper and a bearer token) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channelId?: string;
            code: string;
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              /** Format: date-time */
              expiresAt: string;
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shopper/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the shopper session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every staff member */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                email: string;
                hasPassword: boolean;
                id: string;
                /** @description store locations the member works at; empty: anywhere */
                locationIds: string[];
                name: string;
                /** @enum {string} */
                role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
                /** @description the role's scopes */
                scopes: string[];
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Add a staff member with a role (and a first password) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            /** @default [] */
            locationIds?: string[];
            name: string;
            /** @description at least 10 characters; without one the member cannot sign in yet */
            password?: string;
            /** @enum {string} */
            role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string;
              hasPassword: boolean;
              id: string;
              /** @description store locations the member works at; empty: anywhere */
              locationIds: string[];
              name: string;
              /** @enum {string} */
              role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
              /** @description the role's scopes */
              scopes: string[];
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One staff member */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string;
              hasPassword: boolean;
              id: string;
              /** @description store locations the member works at; empty: anywhere */
              locationIds: string[];
              name: string;
              /** @enum {string} */
              role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
              /** @description the role's scopes */
              scopes: string[];
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a member's name, role, stores or password, or disable them (their sessions end) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description false: the member cannot sign in and every session ends */
            active?: boolean;
            locationIds?: string[];
            name?: string;
            password?: string;
            /** @enum {string} */
            role?: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              /** Format: date-time */
              createdAt: string;
              email: string;
              hasPassword: boolean;
              id: string;
              /** @description store locations the member works at; empty: anywhere */
              locationIds: string[];
              name: string;
              /** @enum {string} */
              role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
              /** @description the role's scopes */
              scopes: string[];
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/staff/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in staff member, their scopes and the till they signed in at */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              active: boolean;
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              email: string;
              hasPassword: boolean;
              id: string;
              /** @description store locations the member works at; empty: anywhere */
              locationIds: string[];
              name: string;
              /** @enum {string} */
              role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
              /** @description the role's scopes */
              scopes: string[];
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change one’s own password (the current one required); other sessions end */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign a staff member in (at a till when `channel` is given); answers a bearer token
     * @description A wrong address, a wrong password, a disabled or locked account all answer 401 staff_sign_in_failed. Five wrong passwords in a row lock the account for 15 minutes. A session ends 4 h after its last use, 12 h after sign-in at the latest.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description the till (store channel id or code) to sign in at; the session then acts as that channel */
            channel?: string;
            /** Format: email */
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              expiresAt: string;
              staff: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                email: string;
                hasPassword: boolean;
                id: string;
                /** @description store locations the member works at; empty: anywhere */
                locationIds: string[];
                name: string;
                /** @enum {string} */
                role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
                /** @description the role's scopes */
                scopes: string[];
                /** Format: date-time */
                updatedAt: string;
              };
              /** @description send as `Authorization: Bearer <token>` */
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff/sign-in/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a one-time six-digit sign-in code to a staff member
     * @description Always 202, whether or not the address is a member’s. The code is valid 10 minutes, allows 5 guesses and is replaced by a new request; at most 5 codes an hour per member.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              expiresInSeconds: number;
              /** @enum {string} */
              status: 'code_sent_if_possible';
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff/sign-in/code/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Trade the mailed code for a staff session (at a till when `channel` is given)
     * @description A wrong, used-up or expired code, or an unknown address, answers 401 staff_sign_in_failed.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channel?: string;
            code: string;
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              expiresAt: string;
              staff: {
                active: boolean;
                /** Format: date-time */
                createdAt: string;
                email: string;
                hasPassword: boolean;
                id: string;
                /** @description store locations the member works at; empty: anywhere */
                locationIds: string[];
                name: string;
                /** @enum {string} */
                role: 'clerk' | 'store_manager' | 'agent' | 'marketer' | 'admin';
                /** @description the role's scopes */
                scopes: string[];
                /** Format: date-time */
                updatedAt: string;
              };
              /** @description send as `Authorization: Bearer <token>` */
              token: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/staff/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the staff session the request is made with */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/store-credits/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Store credit by id or code */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              balance: number;
              code: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              id: string;
              issuedAmount: number;
              orderId: string | null;
              profileId: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live events as Server-Sent Events (text/event-stream; each data line is a CloudEvent)
     * @description Send `Last-Event-ID` (or `?after=`) with an event id to resume: missed events are replayed from the log first. A comment line is sent every 15 s as a heartbeat.
     */
    get: {
      parameters: {
        query?: {
          /** @description an event id or cursor to resume after (instead of Last-Event-ID) */
          after?: string;
          /** @description at a till (inbox:till): inbox events about the customer of this sale’s cart only; without inbox:read a stream carries no other inbox events */
          cart?: string;
          /** @description only this channel (and global events); implied by a channel-bound key */
          channel?: string;
          /** @description comma-separated types; a trailing * matches a prefix, e.g. inventory.*,order.* */
          types?: string;
        };
        header?: {
          'last-event-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/carts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** At the till: find carts by handoff code (or scanned QR payload), phone, email or loyalty card */
    get: {
      parameters: {
        query?: {
          code?: string;
          email?: string;
          loyaltyCard?: string;
          phone?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              carts: {
                anonymousId: string | null;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                delivery:
                  | (
                      | {
                          address: {
                            city: string;
                            country: string;
                            /** @description for routing to the nearest location */
                            latitude?: number;
                            line1: string;
                            line2?: string;
                            longitude?: number;
                            name?: string;
                            phone?: string;
                            postalCode: string;
                            region?: string;
                          };
                          method: string;
                          /** @enum {string} */
                          type: 'ship';
                        }
                      | {
                          locationId: string;
                          locationName: string | null;
                          /** @enum {string} */
                          type: 'pickup';
                        }
                      | {
                          /** @enum {string} */
                          type: 'carry_out';
                        }
                    )
                  | null;
                email: string | null;
                handoff: {
                  /** @description short code the customer shows or tells at the till */
                  code: string;
                  /** @description what a QR code on the customer’s screen encodes */
                  qrPayload: string;
                };
                id: string;
                itemsTotal: number;
                lines: {
                  /** Format: date-time */
                  addedAt: string;
                  /** @description stock held for this line (inventory reservations) */
                  holds: {
                    /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                    backordered?: number;
                    expiresAt: string | null;
                    quantity: number;
                    reservationId: string;
                  }[];
                  /**
                   * @description lost: the hold expired or was released; checkout will try to reserve again
                   * @enum {string}
                   */
                  holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                  lineId: string;
                  /** @description set when staff changed the unit price at the till */
                  priceOverride?: {
                    /** @description the manager whose credentials approved a clerk's change */
                    approvedBy: string | null;
                    approvedByName: string | null;
                    /** Format: date-time */
                    at: string;
                    /** @description the staff member or key id that changed it */
                    by: string;
                    byName: string;
                    /** @description the channel's price the line had before */
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  sku: string;
                  /** @description set when the variant sells on backorder or pre-order */
                  stock?: {
                    /** @description YYYY-MM-DD: pre-order release or expected restock */
                    availableFrom: string | null;
                    /** @description most units of the line beyond the stock */
                    backorderLimit: number | null;
                    /** @enum {string} */
                    policy: 'backorder' | 'preorder';
                  };
                  title: string;
                  /** @description minor units, copied from the channel price when added or repriced */
                  unitPrice: number;
                }[];
                mergedInto: string | null;
                orderId: string | null;
                phone: string | null;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
              customerIds: string[];
              matchedBy: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/carts/{id}/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * At the till: the conversations of the customer attached to this sale's cart, newest first, with the last message
     * @description An empty list when no customer is attached; at most 20. The cart must be on the key’s channel.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                assigneeId: string | null;
                channelId: string | null;
                channelKinds: (
                  | 'web_chat'
                  | 'email'
                  | 'messenger'
                  | 'instagram'
                  | 'whatsapp'
                  | 'sms'
                  | 'phone_note'
                  | 'store_note'
                )[];
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                firstResponseAt: string | null;
                id: string;
                lastInboundAt: string | null;
                lastInboundChannel:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                lastMessage: {
                  channelKind:
                    | (
                        | 'web_chat'
                        | 'email'
                        | 'messenger'
                        | 'instagram'
                        | 'whatsapp'
                        | 'sms'
                        | 'phone_note'
                        | 'store_note'
                      )
                    | null;
                  /** @enum {string} */
                  direction: 'inbound' | 'outbound' | 'note';
                  /** Format: date-time */
                  occurredAt: string;
                  /** @description the first 200 characters */
                  text: string;
                } | null;
                /** Format: date-time */
                lastMessageAt: string;
                mergedInto: string | null;
                messageCount: number;
                resolvedAt: string | null;
                snoozedUntil: string | null;
                /** @enum {string} */
                status: 'open' | 'pending' | 'snoozed' | 'resolved';
                subject: string | null;
                tags: string[];
                teamId: string | null;
                unreadCount: number;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/carts/{id}/conversations/{conversationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * At the till: one of the sale customer's conversations with its messages (read only)
     * @description Agents’ internal notes are left out. 404 for a conversation of anyone else.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          conversationId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              conversation: {
                assigneeId: string | null;
                channelId: string | null;
                channelKinds: (
                  | 'web_chat'
                  | 'email'
                  | 'messenger'
                  | 'instagram'
                  | 'whatsapp'
                  | 'sms'
                  | 'phone_note'
                  | 'store_note'
                )[];
                /** Format: date-time */
                createdAt: string;
                customerId: string | null;
                firstResponseAt: string | null;
                id: string;
                lastInboundAt: string | null;
                lastInboundChannel:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                /** Format: date-time */
                lastMessageAt: string;
                mergedInto: string | null;
                messageCount: number;
                resolvedAt: string | null;
                snoozedUntil: string | null;
                /** @enum {string} */
                status: 'open' | 'pending' | 'snoozed' | 'resolved';
                subject: string | null;
                tags: string[];
                teamId: string | null;
                unreadCount: number;
                /** Format: date-time */
                updatedAt: string;
              };
              messages: {
                address: string | null;
                attachments: {
                  contentType: string;
                  /** Format: date-time */
                  createdAt: string;
                  filename: string;
                  id: string;
                  messageId: string;
                  sha256: string;
                  size: number;
                }[];
                attempts: number;
                authorId: string | null;
                channelAccountId: string | null;
                channelKind:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                conversationId: string;
                /** Format: date-time */
                createdAt: string;
                /** @enum {string} */
                direction: 'inbound' | 'outbound' | 'note';
                externalId: string | null;
                failureReason: string | null;
                html: string | null;
                id: string;
                inReplyToId: string | null;
                /** Format: date-time */
                occurredAt: string;
                status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
                template: {
                  language: string;
                  name: string;
                  parameters: string[];
                } | null;
                text: string;
                unparsed: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/carts/{id}/conversations/{conversationId}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * At the till: a file of the sale customer's conversation, as a download
     * @description Only a file of a message the till’s thread shows (not of agents’ internal notes); 404 for any other.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          attachmentId: string;
          conversationId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/carts/{id}/conversations/{conversationId}/store-notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** At the till: records the customer's shop visit on their conversation (never sent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          conversationId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              address: string | null;
              attachments: {
                contentType: string;
                /** Format: date-time */
                createdAt: string;
                filename: string;
                id: string;
                messageId: string;
                sha256: string;
                size: number;
              }[];
              attempts: number;
              authorId: string | null;
              channelAccountId: string | null;
              channelKind:
                | (
                    | 'web_chat'
                    | 'email'
                    | 'messenger'
                    | 'instagram'
                    | 'whatsapp'
                    | 'sms'
                    | 'phone_note'
                    | 'store_note'
                  )
                | null;
              conversationId: string;
              /** Format: date-time */
              createdAt: string;
              /** @enum {string} */
              direction: 'inbound' | 'outbound' | 'note';
              externalId: string | null;
              failureReason: string | null;
              html: string | null;
              id: string;
              inReplyToId: string | null;
              /** Format: date-time */
              occurredAt: string;
              status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
              template: {
                language: string;
                name: string;
                parameters: string[];
              } | null;
              text: string;
              unparsed: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/pickups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The click & collect orders waiting at the store (to pick or ready), oldest first, with order number, customer, items and pictures */
    get: {
      parameters: {
        query?: {
          /** @description the till’s channel (implied by a bound key) */
          channelId?: string;
          /** @description one store (default: every store the till may see) */
          locationId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                currency: string;
                customer: {
                  email: string | null;
                  id: string | null;
                  name: string | null;
                  phone: string | null;
                };
                /** @description when the store stops holding it */
                expiresAt: string | null;
                fulfilmentId: string;
                lines: {
                  image: string | null;
                  quantity: number;
                  sku: string;
                  title: string;
                }[];
                locationId: string;
                orderId: string;
                orderNumber: string;
                /** @description false: the customer pays at the counter */
                paid: boolean;
                /** Format: date-time */
                placedAt: string;
                /**
                 * @description open: to pick; ready_for_pickup: on the shelf
                 * @enum {string}
                 */
                status: 'open' | 'ready_for_pickup' | 'shipped' | 'collected' | 'cancelled' | 'expired';
                total: number;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/sales': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sale on the till’s screen and its parked sales */
    get: {
      parameters: {
        query?: {
          /** @description the till’s channel; required unless the key is bound to one */
          channelId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              current: {
                cart: {
                  anonymousId: string | null;
                  channelId: string;
                  /** Format: date-time */
                  createdAt: string;
                  currency: string;
                  delivery:
                    | (
                        | {
                            address: {
                              city: string;
                              country: string;
                              /** @description for routing to the nearest location */
                              latitude?: number;
                              line1: string;
                              line2?: string;
                              longitude?: number;
                              name?: string;
                              phone?: string;
                              postalCode: string;
                              region?: string;
                            };
                            method: string;
                            /** @enum {string} */
                            type: 'ship';
                          }
                        | {
                            locationId: string;
                            locationName: string | null;
                            /** @enum {string} */
                            type: 'pickup';
                          }
                        | {
                            /** @enum {string} */
                            type: 'carry_out';
                          }
                      )
                    | null;
                  email: string | null;
                  handoff: {
                    /** @description short code the customer shows or tells at the till */
                    code: string;
                    /** @description what a QR code on the customer’s screen encodes */
                    qrPayload: string;
                  };
                  id: string;
                  itemsTotal: number;
                  lines: {
                    /** Format: date-time */
                    addedAt: string;
                    /** @description stock held for this line (inventory reservations) */
                    holds: {
                      /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                      backordered?: number;
                      expiresAt: string | null;
                      quantity: number;
                      reservationId: string;
                    }[];
                    /**
                     * @description lost: the hold expired or was released; checkout will try to reserve again
                     * @enum {string}
                     */
                    holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                    lineId: string;
                    /** @description set when staff changed the unit price at the till */
                    priceOverride?: {
                      /** @description the manager whose credentials approved a clerk's change */
                      approvedBy: string | null;
                      approvedByName: string | null;
                      /** Format: date-time */
                      at: string;
                      /** @description the staff member or key id that changed it */
                      by: string;
                      byName: string;
                      /** @description the channel's price the line had before */
                      originalUnitPrice: number;
                      reason: string;
                    };
                    quantity: number;
                    sku: string;
                    /** @description set when the variant sells on backorder or pre-order */
                    stock?: {
                      /** @description YYYY-MM-DD: pre-order release or expected restock */
                      availableFrom: string | null;
                      /** @description most units of the line beyond the stock */
                      backorderLimit: number | null;
                      /** @enum {string} */
                      policy: 'backorder' | 'preorder';
                    };
                    title: string;
                    /** @description minor units, copied from the channel price when added or repriced */
                    unitPrice: number;
                  }[];
                  mergedInto: string | null;
                  orderId: string | null;
                  phone: string | null;
                  profileId: string | null;
                  /** @enum {string} */
                  status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                };
                cartId: string;
                /** @description lines whose stock hold expired since the sale was last read */
                linesLostHold: string[];
                name: string | null;
                parkedAt: string | null;
                /**
                 * @description open: on the till’s screen; parked: set aside under a name
                 * @enum {string}
                 */
                status: 'open' | 'parked';
                /** @description the store channel whose till keeps the sale */
                tillChannelId: string;
                /** Format: date-time */
                updatedAt: string;
              } | null;
              parked: {
                cart: {
                  anonymousId: string | null;
                  channelId: string;
                  /** Format: date-time */
                  createdAt: string;
                  currency: string;
                  delivery:
                    | (
                        | {
                            address: {
                              city: string;
                              country: string;
                              /** @description for routing to the nearest location */
                              latitude?: number;
                              line1: string;
                              line2?: string;
                              longitude?: number;
                              name?: string;
                              phone?: string;
                              postalCode: string;
                              region?: string;
                            };
                            method: string;
                            /** @enum {string} */
                            type: 'ship';
                          }
                        | {
                            locationId: string;
                            locationName: string | null;
                            /** @enum {string} */
                            type: 'pickup';
                          }
                        | {
                            /** @enum {string} */
                            type: 'carry_out';
                          }
                      )
                    | null;
                  email: string | null;
                  handoff: {
                    /** @description short code the customer shows or tells at the till */
                    code: string;
                    /** @description what a QR code on the customer’s screen encodes */
                    qrPayload: string;
                  };
                  id: string;
                  itemsTotal: number;
                  lines: {
                    /** Format: date-time */
                    addedAt: string;
                    /** @description stock held for this line (inventory reservations) */
                    holds: {
                      /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                      backordered?: number;
                      expiresAt: string | null;
                      quantity: number;
                      reservationId: string;
                    }[];
                    /**
                     * @description lost: the hold expired or was released; checkout will try to reserve again
                     * @enum {string}
                     */
                    holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                    lineId: string;
                    /** @description set when staff changed the unit price at the till */
                    priceOverride?: {
                      /** @description the manager whose credentials approved a clerk's change */
                      approvedBy: string | null;
                      approvedByName: string | null;
                      /** Format: date-time */
                      at: string;
                      /** @description the staff member or key id that changed it */
                      by: string;
                      byName: string;
                      /** @description the channel's price the line had before */
                      originalUnitPrice: number;
                      reason: string;
                    };
                    quantity: number;
                    sku: string;
                    /** @description set when the variant sells on backorder or pre-order */
                    stock?: {
                      /** @description YYYY-MM-DD: pre-order release or expected restock */
                      availableFrom: string | null;
                      /** @description most units of the line beyond the stock */
                      backorderLimit: number | null;
                      /** @enum {string} */
                      policy: 'backorder' | 'preorder';
                    };
                    title: string;
                    /** @description minor units, copied from the channel price when added or repriced */
                    unitPrice: number;
                  }[];
                  mergedInto: string | null;
                  orderId: string | null;
                  phone: string | null;
                  profileId: string | null;
                  /** @enum {string} */
                  status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                  /** Format: date-time */
                  updatedAt: string;
                  version: number;
                };
                cartId: string;
                /** @description lines whose stock hold expired since the sale was last read */
                linesLostHold: string[];
                name: string | null;
                parkedAt: string | null;
                /**
                 * @description open: on the till’s screen; parked: set aside under a name
                 * @enum {string}
                 */
                status: 'open' | 'parked';
                /** @description the store channel whose till keeps the sale */
                tillChannelId: string;
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Start a sale on the till’s screen (new, or a cart of its channel such as a resumed web cart)
     * @description An empty sale already on the screen is dropped; one with lines answers 409 sale_in_progress: park it or finish it first.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a cart already on the till’s channel (e.g. after a handoff) */
            cartId?: string;
            /** @description the till’s channel; required unless the key is bound */
            channelId?: string;
            lines?: {
              quantity: number;
              sku: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cart: {
                anonymousId: string | null;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                delivery:
                  | (
                      | {
                          address: {
                            city: string;
                            country: string;
                            /** @description for routing to the nearest location */
                            latitude?: number;
                            line1: string;
                            line2?: string;
                            longitude?: number;
                            name?: string;
                            phone?: string;
                            postalCode: string;
                            region?: string;
                          };
                          method: string;
                          /** @enum {string} */
                          type: 'ship';
                        }
                      | {
                          locationId: string;
                          locationName: string | null;
                          /** @enum {string} */
                          type: 'pickup';
                        }
                      | {
                          /** @enum {string} */
                          type: 'carry_out';
                        }
                    )
                  | null;
                email: string | null;
                handoff: {
                  /** @description short code the customer shows or tells at the till */
                  code: string;
                  /** @description what a QR code on the customer’s screen encodes */
                  qrPayload: string;
                };
                id: string;
                itemsTotal: number;
                lines: {
                  /** Format: date-time */
                  addedAt: string;
                  /** @description stock held for this line (inventory reservations) */
                  holds: {
                    /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                    backordered?: number;
                    expiresAt: string | null;
                    quantity: number;
                    reservationId: string;
                  }[];
                  /**
                   * @description lost: the hold expired or was released; checkout will try to reserve again
                   * @enum {string}
                   */
                  holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                  lineId: string;
                  /** @description set when staff changed the unit price at the till */
                  priceOverride?: {
                    /** @description the manager whose credentials approved a clerk's change */
                    approvedBy: string | null;
                    approvedByName: string | null;
                    /** Format: date-time */
                    at: string;
                    /** @description the staff member or key id that changed it */
                    by: string;
                    byName: string;
                    /** @description the channel's price the line had before */
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  sku: string;
                  /** @description set when the variant sells on backorder or pre-order */
                  stock?: {
                    /** @description YYYY-MM-DD: pre-order release or expected restock */
                    availableFrom: string | null;
                    /** @description most units of the line beyond the stock */
                    backorderLimit: number | null;
                    /** @enum {string} */
                    policy: 'backorder' | 'preorder';
                  };
                  title: string;
                  /** @description minor units, copied from the channel price when added or repriced */
                  unitPrice: number;
                }[];
                mergedInto: string | null;
                orderId: string | null;
                phone: string | null;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
              cartId: string;
              /** @description lines whose stock hold expired since the sale was last read */
              linesLostHold: string[];
              name: string | null;
              parkedAt: string | null;
              /**
               * @description open: on the till’s screen; parked: set aside under a name
               * @enum {string}
               */
              status: 'open' | 'parked';
              /** @description the store channel whose till keeps the sale */
              tillChannelId: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/sales/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Cancel the sale: its stock holds are released at once and the cart is abandoned */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the cart of the sale */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              anonymousId: string | null;
              channelId: string;
              /** Format: date-time */
              createdAt: string;
              currency: string;
              delivery:
                | (
                    | {
                        address: {
                          city: string;
                          country: string;
                          /** @description for routing to the nearest location */
                          latitude?: number;
                          line1: string;
                          line2?: string;
                          longitude?: number;
                          name?: string;
                          phone?: string;
                          postalCode: string;
                          region?: string;
                        };
                        method: string;
                        /** @enum {string} */
                        type: 'ship';
                      }
                    | {
                        locationId: string;
                        locationName: string | null;
                        /** @enum {string} */
                        type: 'pickup';
                      }
                    | {
                        /** @enum {string} */
                        type: 'carry_out';
                      }
                  )
                | null;
              email: string | null;
              handoff: {
                /** @description short code the customer shows or tells at the till */
                code: string;
                /** @description what a QR code on the customer’s screen encodes */
                qrPayload: string;
              };
              id: string;
              itemsTotal: number;
              lines: {
                /** Format: date-time */
                addedAt: string;
                /** @description stock held for this line (inventory reservations) */
                holds: {
                  /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                  backordered?: number;
                  expiresAt: string | null;
                  quantity: number;
                  reservationId: string;
                }[];
                /**
                 * @description lost: the hold expired or was released; checkout will try to reserve again
                 * @enum {string}
                 */
                holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                lineId: string;
                /** @description set when staff changed the unit price at the till */
                priceOverride?: {
                  /** @description the manager whose credentials approved a clerk's change */
                  approvedBy: string | null;
                  approvedByName: string | null;
                  /** Format: date-time */
                  at: string;
                  /** @description the staff member or key id that changed it */
                  by: string;
                  byName: string;
                  /** @description the channel's price the line had before */
                  originalUnitPrice: number;
                  reason: string;
                };
                quantity: number;
                sku: string;
                /** @description set when the variant sells on backorder or pre-order */
                stock?: {
                  /** @description YYYY-MM-DD: pre-order release or expected restock */
                  availableFrom: string | null;
                  /** @description most units of the line beyond the stock */
                  backorderLimit: number | null;
                  /** @enum {string} */
                  policy: 'backorder' | 'preorder';
                };
                title: string;
                /** @description minor units, copied from the channel price when added or repriced */
                unitPrice: number;
              }[];
              mergedInto: string | null;
              orderId: string | null;
              phone: string | null;
              profileId: string | null;
              /** @enum {string} */
              status: 'active' | 'merged' | 'checked_out' | 'abandoned';
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/sales/{id}/park': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Park the sale under a name (e.g. "Anna’s sale"); the screen is free for the next customer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the cart of the sale */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cart: {
                anonymousId: string | null;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                delivery:
                  | (
                      | {
                          address: {
                            city: string;
                            country: string;
                            /** @description for routing to the nearest location */
                            latitude?: number;
                            line1: string;
                            line2?: string;
                            longitude?: number;
                            name?: string;
                            phone?: string;
                            postalCode: string;
                            region?: string;
                          };
                          method: string;
                          /** @enum {string} */
                          type: 'ship';
                        }
                      | {
                          locationId: string;
                          locationName: string | null;
                          /** @enum {string} */
                          type: 'pickup';
                        }
                      | {
                          /** @enum {string} */
                          type: 'carry_out';
                        }
                    )
                  | null;
                email: string | null;
                handoff: {
                  /** @description short code the customer shows or tells at the till */
                  code: string;
                  /** @description what a QR code on the customer’s screen encodes */
                  qrPayload: string;
                };
                id: string;
                itemsTotal: number;
                lines: {
                  /** Format: date-time */
                  addedAt: string;
                  /** @description stock held for this line (inventory reservations) */
                  holds: {
                    /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                    backordered?: number;
                    expiresAt: string | null;
                    quantity: number;
                    reservationId: string;
                  }[];
                  /**
                   * @description lost: the hold expired or was released; checkout will try to reserve again
                   * @enum {string}
                   */
                  holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                  lineId: string;
                  /** @description set when staff changed the unit price at the till */
                  priceOverride?: {
                    /** @description the manager whose credentials approved a clerk's change */
                    approvedBy: string | null;
                    approvedByName: string | null;
                    /** Format: date-time */
                    at: string;
                    /** @description the staff member or key id that changed it */
                    by: string;
                    byName: string;
                    /** @description the channel's price the line had before */
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  sku: string;
                  /** @description set when the variant sells on backorder or pre-order */
                  stock?: {
                    /** @description YYYY-MM-DD: pre-order release or expected restock */
                    availableFrom: string | null;
                    /** @description most units of the line beyond the stock */
                    backorderLimit: number | null;
                    /** @enum {string} */
                    policy: 'backorder' | 'preorder';
                  };
                  title: string;
                  /** @description minor units, copied from the channel price when added or repriced */
                  unitPrice: number;
                }[];
                mergedInto: string | null;
                orderId: string | null;
                phone: string | null;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
              cartId: string;
              /** @description lines whose stock hold expired since the sale was last read */
              linesLostHold: string[];
              name: string | null;
              parkedAt: string | null;
              /**
               * @description open: on the till’s screen; parked: set aside under a name
               * @enum {string}
               */
              status: 'open' | 'parked';
              /** @description the store channel whose till keeps the sale */
              tillChannelId: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tills/sales/{id}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Put a parked sale back on the till’s screen
     * @description A sale with lines already on the screen answers 409 sale_in_progress.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the cart of the sale */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cart: {
                anonymousId: string | null;
                channelId: string;
                /** Format: date-time */
                createdAt: string;
                currency: string;
                delivery:
                  | (
                      | {
                          address: {
                            city: string;
                            country: string;
                            /** @description for routing to the nearest location */
                            latitude?: number;
                            line1: string;
                            line2?: string;
                            longitude?: number;
                            name?: string;
                            phone?: string;
                            postalCode: string;
                            region?: string;
                          };
                          method: string;
                          /** @enum {string} */
                          type: 'ship';
                        }
                      | {
                          locationId: string;
                          locationName: string | null;
                          /** @enum {string} */
                          type: 'pickup';
                        }
                      | {
                          /** @enum {string} */
                          type: 'carry_out';
                        }
                    )
                  | null;
                email: string | null;
                handoff: {
                  /** @description short code the customer shows or tells at the till */
                  code: string;
                  /** @description what a QR code on the customer’s screen encodes */
                  qrPayload: string;
                };
                id: string;
                itemsTotal: number;
                lines: {
                  /** Format: date-time */
                  addedAt: string;
                  /** @description stock held for this line (inventory reservations) */
                  holds: {
                    /** @description units of this hold beyond the stock (backorder or pre-order): they ship when restocked */
                    backordered?: number;
                    expiresAt: string | null;
                    quantity: number;
                    reservationId: string;
                  }[];
                  /**
                   * @description lost: the hold expired or was released; checkout will try to reserve again
                   * @enum {string}
                   */
                  holdStatus: 'held' | 'partly_held' | 'lost' | 'none';
                  lineId: string;
                  /** @description set when staff changed the unit price at the till */
                  priceOverride?: {
                    /** @description the manager whose credentials approved a clerk's change */
                    approvedBy: string | null;
                    approvedByName: string | null;
                    /** Format: date-time */
                    at: string;
                    /** @description the staff member or key id that changed it */
                    by: string;
                    byName: string;
                    /** @description the channel's price the line had before */
                    originalUnitPrice: number;
                    reason: string;
                  };
                  quantity: number;
                  sku: string;
                  /** @description set when the variant sells on backorder or pre-order */
                  stock?: {
                    /** @description YYYY-MM-DD: pre-order release or expected restock */
                    availableFrom: string | null;
                    /** @description most units of the line beyond the stock */
                    backorderLimit: number | null;
                    /** @enum {string} */
                    policy: 'backorder' | 'preorder';
                  };
                  title: string;
                  /** @description minor units, copied from the channel price when added or repriced */
                  unitPrice: number;
                }[];
                mergedInto: string | null;
                orderId: string | null;
                phone: string | null;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'merged' | 'checked_out' | 'abandoned';
                /** Format: date-time */
                updatedAt: string;
                version: number;
              };
              cartId: string;
              /** @description lines whose stock hold expired since the sale was last read */
              linesLostHold: string[];
              name: string | null;
              parkedAt: string | null;
              /**
               * @description open: on the till’s screen; parked: set aside under a name
               * @enum {string}
               */
              status: 'open' | 'parked';
              /** @description the store channel whose till keeps the sale */
              tillChannelId: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tracking-plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tracking plan: a JSON Schema per event name */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                block: boolean;
                /** Format: date-time */
                createdAt: string;
                eventName: string;
                schema: {
                  [key: string]: unknown;
                };
                /** Format: date-time */
                updatedAt: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tracking-plan/{eventName}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set an event's JSON Schema (block: refuse violating events) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          eventName: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default false */
            block?: boolean;
            schema: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              block: boolean;
              /** Format: date-time */
              createdAt: string;
              eventName: string;
              schema: {
                [key: string]: unknown;
              };
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
    };
    post?: never;
    /** Remove an event from the plan */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          eventName: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tracking-plan/violations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Violations per event name (counts, blocked, newest example) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                blocked: number;
                eventName: string;
                example: {
                  at: string;
                  errors: {
                    message: string;
                    path: string;
                  }[];
                  messageId: string;
                };
                /** Format: date-time */
                firstAt: string;
                /** Format: date-time */
                lastAt: string;
                violations: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wallet/accounts/{id}/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct a balance with a reason (a debit beyond the balance is refused, 409) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description signed: points, or minor units */
            amount: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accountId: string;
              /** @description signed: credits positive, debits negative */
              amount: number;
              balanceAfter: number;
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              currency: string | null;
              id: string;
              /** @enum {string} */
              kind: 'issue' | 'earn' | 'redeem' | 'void' | 'refund' | 'reverse' | 'adjust' | 'expire';
              /** @description points per SKU: what the order’s lines earned (earn), what returned units took back (reverse) */
              lines:
                | {
                    points: number;
                    quantity: number;
                    sku: string;
                  }[]
                | null;
              moneyAmount: number | null;
              orderId: string | null;
              reason: string | null;
              ref: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wallet/accounts/{id}/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An account's ledger, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              account: {
                /** @description points, or minor units of the currency */
                balance: number;
                /** @description the last characters of the code, never the code */
                codeHint: string | null;
                /** Format: date-time */
                createdAt: string;
                /** @description null for points */
                currency: string | null;
                expiresAt: string | null;
                id: string;
                /** @enum {string} */
                kind: 'points' | 'gift_card' | 'store_credit';
                lifetime: number;
                profileId: string | null;
                /** @enum {string} */
                status: 'active' | 'blocked';
                tier: string | null;
              };
              items: {
                accountId: string;
                /** @description signed: credits positive, debits negative */
                amount: number;
                balanceAfter: number;
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                currency: string | null;
                id: string;
                /** @enum {string} */
                kind: 'issue' | 'earn' | 'redeem' | 'void' | 'refund' | 'reverse' | 'adjust' | 'expire';
                /** @description points per SKU: what the order’s lines earned (earn), what returned units took back (reverse) */
                lines:
                  | {
                      points: number;
                      quantity: number;
                      sku: string;
                    }[]
                  | null;
                moneyAmount: number | null;
                orderId: string | null;
                reason: string | null;
                ref: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/wallet/loyalty-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The loyalty rules */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description per catalog category: points per unit on its lines instead of the channel rate (0: excluded, earns none); a rule covers the sub-categories below it (`apparel` covers `apparel/hats`), the most specific wins, and a line in several categories earns the lowest
               * @default {}
               */
              categories: {
                [key: string]: number;
              };
              /**
               * @description per channel id: points per unit instead of pointsPerUnit (0: this channel earns none)
               * @default {}
               */
              channels: {
                [key: string]: number;
              };
              /** @default true */
              enabled: boolean;
              /**
               * @description points not spent this many days after they were earned expire (oldest spent first); null: never
               * @default null
               */
              pointsExpireAfterDays: number | null;
              /**
               * @description points per whole currency unit paid (100 minor units)
               * @default 1
               */
              pointsPerUnit: number;
              /**
               * @description per currency: minor units one point pays (default 1: 100 points = 1.00)
               * @default {}
               */
              pointValue: {
                [key: string]: number;
              };
              /** @default [] */
              tiers: {
                code: string;
                /** @description points earned are multiplied by it */
                multiplier: number;
                name: string;
                /** @description lifetime points that reach it */
                threshold: number;
              }[];
            };
          };
        };
      };
    };
    /**
     * Set the loyalty rules: points per unit and per channel, tiers, the value of a point
     * @description Replaces all the rules, tiers included (code, name, the lifetime points that reach it, its points multiplier). 400 naming the field (body.tiers.1.threshold) for a bad value, or for a second tier with the same code or threshold (issue code `duplicate`); nothing is written.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description per catalog category: points per unit on its lines instead of the channel rate (0: excluded, earns none); a rule covers the sub-categories below it (`apparel` covers `apparel/hats`), the most specific wins, and a line in several categories earns the lowest
             * @default {}
             */
            categories?: {
              [key: string]: number;
            };
            /**
             * @description per channel id: points per unit instead of pointsPerUnit (0: this channel earns none)
             * @default {}
             */
            channels?: {
              [key: string]: number;
            };
            /** @default true */
            enabled?: boolean;
            /**
             * @description points not spent this many days after they were earned expire (oldest spent first); null: never
             * @default null
             */
            pointsExpireAfterDays?: number | null;
            /**
             * @description points per whole currency unit paid (100 minor units)
             * @default 1
             */
            pointsPerUnit?: number;
            /**
             * @description per currency: minor units one point pays (default 1: 100 points = 1.00)
             * @default {}
             */
            pointValue?: {
              [key: string]: number;
            };
            /** @default [] */
            tiers?: {
              code: string;
              /** @description points earned are multiplied by it */
              multiplier: number;
              name: string;
              /** @description lifetime points that reach it */
              threshold: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description per catalog category: points per unit on its lines instead of the channel rate (0: excluded, earns none); a rule covers the sub-categories below it (`apparel` covers `apparel/hats`), the most specific wins, and a line in several categories earns the lowest
               * @default {}
               */
              categories: {
                [key: string]: number;
              };
              /**
               * @description per channel id: points per unit instead of pointsPerUnit (0: this channel earns none)
               * @default {}
               */
              channels: {
                [key: string]: number;
              };
              /** @default true */
              enabled: boolean;
              /**
               * @description points not spent this many days after they were earned expire (oldest spent first); null: never
               * @default null
               */
              pointsExpireAfterDays: number | null;
              /**
               * @description points per whole currency unit paid (100 minor units)
               * @default 1
               */
              pointsPerUnit: number;
              /**
               * @description per currency: minor units one point pays (default 1: 100 points = 1.00)
               * @default {}
               */
              pointValue: {
                [key: string]: number;
              };
              /** @default [] */
              tiers: {
                code: string;
                /** @description points earned are multiplied by it */
                multiplier: number;
                name: string;
                /** @description lifetime points that reach it */
                threshold: number;
              }[];
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/deliveries/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One delivery */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attempts: number;
              /** Format: date-time */
              createdAt: string;
              deliveredAt: string | null;
              endpointId: string;
              eventId: string;
              eventType: string;
              /** @description the webhook-id header, stable across retries */
              id: string;
              lastError: string | null;
              lastStatusCode: number | null;
              /** Format: date-time */
              nextAttemptAt: string;
              /** @enum {string} */
              status: 'queued' | 'pending' | 'delivering' | 'delivered' | 'dead' | 'suppressed';
              subject: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhook endpoints */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                channelId: string | null;
                /** Format: date-time */
                createdAt: string;
                description: string;
                disabledReason: string | null;
                /** @enum {string} */
                format: 'standard' | 'cloudevents';
                id: string;
                includeConsent: boolean;
                purpose: string | null;
                /** @enum {string} */
                status: 'active' | 'disabled';
                transform: string | null;
                types: string[];
                /** Format: date-time */
                updatedAt: string;
                url: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Subscribe an endpoint to events (the signing secret is shown only here) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description only this channel and global events
             * @default null
             */
            channelId?: string | null;
            /** @default  */
            description?: string;
            /**
             * @default standard
             * @enum {string}
             */
            format?: 'standard' | 'cloudevents';
            /**
             * @description payloads carry the customer's consent state (top-level `consent`)
             * @default false
             */
            includeConsent?: boolean;
            /** @default null */
            purpose?: string | null;
            /** @description generated when omitted */
            secret?: string;
            /**
             * @description a JSONata expression over the CloudEvent; its result is the payload data
             * @default null
             */
            transform?: string | null;
            /**
             * @description empty = every event
             * @default []
             */
            types?: string[];
            /** Format: uri */
            url: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              description: string;
              disabledReason: string | null;
              /** @enum {string} */
              format: 'standard' | 'cloudevents';
              id: string;
              includeConsent: boolean;
              purpose: string | null;
              secret: string;
              /** @enum {string} */
              status: 'active' | 'disabled';
              transform: string | null;
              types: string[];
              /** Format: date-time */
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/endpoints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a webhook endpoint */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              description: string;
              disabledReason: string | null;
              /** @enum {string} */
              format: 'standard' | 'cloudevents';
              id: string;
              includeConsent: boolean;
              purpose: string | null;
              /** @enum {string} */
              status: 'active' | 'disabled';
              transform: string | null;
              types: string[];
              /** Format: date-time */
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an endpoint and its queue */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change an endpoint (status active re-enables one disabled by a 410) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            /** @enum {string} */
            format?: 'standard' | 'cloudevents';
            includeConsent?: boolean;
            purpose?: string | null;
            /** @enum {string} */
            status?: 'active' | 'disabled';
            transform?: string | null;
            types?: string[];
            /** Format: uri */
            url?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              description: string;
              disabledReason: string | null;
              /** @enum {string} */
              format: 'standard' | 'cloudevents';
              id: string;
              includeConsent: boolean;
              purpose: string | null;
              /** @enum {string} */
              status: 'active' | 'disabled';
              transform: string | null;
              types: string[];
              /** Format: date-time */
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/webhooks/endpoints/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deliveries of an endpoint in queue order (status=dead lists the dead-letter queue) */
    get: {
      parameters: {
        query?: {
          /** @description the `next` cursor of the previous page */
          after?: number;
          limit?: number;
          status?: 'queued' | 'pending' | 'delivering' | 'delivered' | 'dead' | 'suppressed';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                attempts: number;
                /** Format: date-time */
                createdAt: string;
                deliveredAt: string | null;
                endpointId: string;
                eventId: string;
                eventType: string;
                /** @description the webhook-id header, stable across retries */
                id: string;
                lastError: string | null;
                lastStatusCode: number | null;
                /** Format: date-time */
                nextAttemptAt: string;
                /** @enum {string} */
                status: 'queued' | 'pending' | 'delivering' | 'delivered' | 'dead' | 'suppressed';
                subject: string;
              }[];
              next: number | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/endpoints/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replay dead-lettered deliveries (all, or the given ids) with their original webhook-ids */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            deliveryIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              replayed: string[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/endpoints/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate the signing secret; both sign until the grace period ends */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            graceSeconds?: number;
            secret?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channelId: string | null;
              /** Format: date-time */
              createdAt: string;
              description: string;
              disabledReason: string | null;
              /** @enum {string} */
              format: 'standard' | 'cloudevents';
              id: string;
              includeConsent: boolean;
              /** Format: date-time */
              previousSecretExpiresAt: string;
              purpose: string | null;
              secret: string;
              /** @enum {string} */
              status: 'active' | 'disabled';
              transform: string | null;
              types: string[];
              /** Format: date-time */
              updatedAt: string;
              url: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/endpoints/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a signed webhook.test delivery to the endpoint now and report its answer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the receiver answered 2xx */
              delivered: boolean;
              /** @description the webhook-id header the receiver saw */
              deliveryId: string;
              durationMs: number;
              error: string | null;
              /** @description null: no answer (refused, timeout, DNS) */
              statusCode: number | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sync health per endpoint: lag, delivered and failed counts, dead-letter depth */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                deadLettered: number;
                delivered: number;
                endpointId: string;
                failedAttempts: number;
                /** @description now − occurrence of the oldest event not yet delivered; 0 when none */
                lagSeconds: number;
                lastDeliveredAt: string | null;
                lastDeliveredEventAt: string | null;
                pending: number;
                /** @enum {string} */
                status: 'active' | 'disabled';
                url: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflow-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List rules */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                actions: (
                  | {
                      /** @description a webhook endpoint; the event goes to it signed, with retries */
                      endpointId: string;
                      /** @description sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason */
                      purpose?: string;
                      /** @enum {string} */
                      type: 'webhook';
                    }
                  | {
                      /**
                       * @description JSONata over the CloudEvent giving the customer id
                       * @default data.customerId ? data.customerId : subject
                       */
                      customer: string;
                      text: string;
                      /** @enum {string} */
                      type: 'customer.note';
                    }
                  | {
                      /**
                       * @description JSONata over the CloudEvent giving the customer id
                       * @default data.customerId ? data.customerId : subject
                       */
                      customer: string;
                      /** @description added to the customer (once per rule and event) */
                      tag: string;
                      /** @enum {string} */
                      type: 'customer.tag';
                    }
                  | {
                      /**
                       * @description JSONata over the CloudEvent giving the customer id
                       * @default data.customerId ? data.customerId : subject
                       */
                      customer: string;
                      /** @description JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel */
                      traits: string;
                      /** @enum {string} */
                      type: 'customer.update';
                    }
                )[];
                condition: string | null;
                /** Format: date-time */
                createdAt: string;
                enabled: boolean;
                eventType: string;
                firedCount: number;
                id: string;
                name: string;
                /** Format: date-time */
                updatedAt: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Create a rule: when <event type> [and <condition>] then <actions> */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            actions: (
              | {
                  /** @description a webhook endpoint; the event goes to it signed, with retries */
                  endpointId: string;
                  /** @description sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason */
                  purpose?: string;
                  /** @enum {string} */
                  type: 'webhook';
                }
              | {
                  /**
                   * @description JSONata over the CloudEvent giving the customer id
                   * @default data.customerId ? data.customerId : subject
                   */
                  customer?: string;
                  text: string;
                  /** @enum {string} */
                  type: 'customer.note';
                }
              | {
                  /**
                   * @description JSONata over the CloudEvent giving the customer id
                   * @default data.customerId ? data.customerId : subject
                   */
                  customer?: string;
                  /** @description added to the customer (once per rule and event) */
                  tag: string;
                  /** @enum {string} */
                  type: 'customer.tag';
                }
              | {
                  /**
                   * @description JSONata over the CloudEvent giving the customer id
                   * @default data.customerId ? data.customerId : subject
                   */
                  customer?: string;
                  /** @description JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel */
                  traits: string;
                  /** @enum {string} */
                  type: 'customer.update';
                }
            )[];
            /**
             * @description JSONata over the CloudEvent (type, subject, data…); the rule fires when it is truthy
             * @default null
             */
            condition?: string | null;
            /** @default true */
            enabled?: boolean;
            /** @description an event type, or a prefix such as order.* */
            eventType: string;
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actions: (
                | {
                    /** @description a webhook endpoint; the event goes to it signed, with retries */
                    endpointId: string;
                    /** @description sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason */
                    purpose?: string;
                    /** @enum {string} */
                    type: 'webhook';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    text: string;
                    /** @enum {string} */
                    type: 'customer.note';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    /** @description added to the customer (once per rule and event) */
                    tag: string;
                    /** @enum {string} */
                    type: 'customer.tag';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    /** @description JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel */
                    traits: string;
                    /** @enum {string} */
                    type: 'customer.update';
                  }
              )[];
              condition: string | null;
              /** Format: date-time */
              createdAt: string;
              enabled: boolean;
              eventType: string;
              firedCount: number;
              id: string;
              name: string;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflow-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a rule */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actions: (
                | {
                    /** @description a webhook endpoint; the event goes to it signed, with retries */
                    endpointId: string;
                    /** @description sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason */
                    purpose?: string;
                    /** @enum {string} */
                    type: 'webhook';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    text: string;
                    /** @enum {string} */
                    type: 'customer.note';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    /** @description added to the customer (once per rule and event) */
                    tag: string;
                    /** @enum {string} */
                    type: 'customer.tag';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    /** @description JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel */
                    traits: string;
                    /** @enum {string} */
                    type: 'customer.update';
                  }
              )[];
              condition: string | null;
              /** Format: date-time */
              createdAt: string;
              enabled: boolean;
              eventType: string;
              firedCount: number;
              id: string;
              name: string;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a rule */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a rule (a new version); enabled: false pauses it */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            actions?: (
              | {
                  /** @description a webhook endpoint; the event goes to it signed, with retries */
                  endpointId: string;
                  /** @description sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason */
                  purpose?: string;
                  /** @enum {string} */
                  type: 'webhook';
                }
              | {
                  /**
                   * @description JSONata over the CloudEvent giving the customer id
                   * @default data.customerId ? data.customerId : subject
                   */
                  customer?: string;
                  text: string;
                  /** @enum {string} */
                  type: 'customer.note';
                }
              | {
                  /**
                   * @description JSONata over the CloudEvent giving the customer id
                   * @default data.customerId ? data.customerId : subject
                   */
                  customer?: string;
                  /** @description added to the customer (once per rule and event) */
                  tag: string;
                  /** @enum {string} */
                  type: 'customer.tag';
                }
              | {
                  /**
                   * @description JSONata over the CloudEvent giving the customer id
                   * @default data.customerId ? data.customerId : subject
                   */
                  customer?: string;
                  /** @description JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel */
                  traits: string;
                  /** @enum {string} */
                  type: 'customer.update';
                }
            )[];
            condition?: string | null;
            enabled?: boolean;
            /** @description an event type, or a prefix such as order.* */
            eventType?: string;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actions: (
                | {
                    /** @description a webhook endpoint; the event goes to it signed, with retries */
                    endpointId: string;
                    /** @description sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason */
                    purpose?: string;
                    /** @enum {string} */
                    type: 'webhook';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    text: string;
                    /** @enum {string} */
                    type: 'customer.note';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    /** @description added to the customer (once per rule and event) */
                    tag: string;
                    /** @enum {string} */
                    type: 'customer.tag';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer: string;
                    /** @description JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel */
                    traits: string;
                    /** @enum {string} */
                    type: 'customer.update';
                  }
              )[];
              condition: string | null;
              /** Format: date-time */
              createdAt: string;
              enabled: boolean;
              eventType: string;
              firedCount: number;
              id: string;
              name: string;
              /** Format: date-time */
              updatedAt: string;
              version: number;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/workflow-rules/{id}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What the stored rule would do with a sample event (nothing is changed) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            event: {
              /** @default null */
              channelId?: string | null;
              /** @default {} */
              data?: {
                [key: string]: unknown;
              };
              /** @default evt_sample */
              id?: string;
              /** @default sample */
              subject?: string;
              type: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actions: {
                customerId?: string | null;
                endpointId?: string;
                error?: string;
                purpose?: string;
                tag?: string;
                text?: string;
                traits?: {
                  [key: string]: unknown;
                };
                type: string;
              }[];
              conditionResult: unknown;
              error?: string;
              fires: boolean;
              typeMatches: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflow-rules/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every saved version of a rule */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: date-time */
                createdAt: string;
                definition: unknown;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workflow-rules/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What an unsaved rule would do with a sample event */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            event: {
              /** @default null */
              channelId?: string | null;
              /** @default {} */
              data?: {
                [key: string]: unknown;
              };
              /** @default evt_sample */
              id?: string;
              /** @default sample */
              subject?: string;
              type: string;
            };
            rule: {
              actions: (
                | {
                    /** @description a webhook endpoint; the event goes to it signed, with retries */
                    endpointId: string;
                    /** @description sent only if the event's customer may be contacted for this purpose (else the endpoint's purpose decides); a refusal is a suppressed delivery with the reason */
                    purpose?: string;
                    /** @enum {string} */
                    type: 'webhook';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer?: string;
                    text: string;
                    /** @enum {string} */
                    type: 'customer.note';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer?: string;
                    /** @description added to the customer (once per rule and event) */
                    tag: string;
                    /** @enum {string} */
                    type: 'customer.tag';
                  }
                | {
                    /**
                     * @description JSONata over the CloudEvent giving the customer id
                     * @default data.customerId ? data.customerId : subject
                     */
                    customer?: string;
                    /** @description JSONata over the CloudEvent giving an object of traits, set newest-wins at the event time and channel */
                    traits: string;
                    /** @enum {string} */
                    type: 'customer.update';
                  }
              )[];
              /**
               * @description JSONata over the CloudEvent (type, subject, data…); the rule fires when it is truthy
               * @default null
               */
              condition?: string | null;
              /** @default true */
              enabled?: boolean;
              /** @description an event type, or a prefix such as order.* */
              eventType: string;
              name: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              actions: {
                customerId?: string | null;
                endpointId?: string;
                error?: string;
                purpose?: string;
                tag?: string;
                text?: string;
                traits?: {
                  [key: string]: unknown;
                };
                type: string;
              }[];
              conditionResult: unknown;
              error?: string;
              fires: boolean;
              typeMatches: boolean;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/back-in-stock/confirm/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The page confirming a back-in-stock alert */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /** Confirm a back-in-stock alert (double opt-in) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/chat/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The visitor's conversation (agents' notes left out) */
    get: {
      parameters: {
        query?: never;
        header?: {
          'x-chat-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                address: string | null;
                attachments: {
                  contentType: string;
                  /** Format: date-time */
                  createdAt: string;
                  filename: string;
                  id: string;
                  messageId: string;
                  sha256: string;
                  size: number;
                }[];
                attempts: number;
                authorId: string | null;
                channelAccountId: string | null;
                channelKind:
                  | (
                      | 'web_chat'
                      | 'email'
                      | 'messenger'
                      | 'instagram'
                      | 'whatsapp'
                      | 'sms'
                      | 'phone_note'
                      | 'store_note'
                    )
                  | null;
                conversationId: string;
                /** Format: date-time */
                createdAt: string;
                /** @enum {string} */
                direction: 'inbound' | 'outbound' | 'note';
                externalId: string | null;
                failureReason: string | null;
                html: string | null;
                id: string;
                inReplyToId: string | null;
                /** Format: date-time */
                occurredAt: string;
                status: ('queued' | 'sent' | 'delivered' | 'read' | 'failed') | null;
                template: {
                  language: string;
                  name: string;
                  parameters: string[];
                } | null;
                text: string;
                unparsed: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/chat/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live signals of new messages in the visitor's conversation (SSE; EventSource cannot send headers) */
    get: {
      parameters: {
        query: {
          token: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/chat/widget.js': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The web chat widget (one script tag: data-key = the storefront’s publishable key) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/media/{id}/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One size of an image (avif, webp, jpeg), cached for a year, with an ETag */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: database reachable and migrations applied (503 otherwise); `degraded` while the NATS relay reconnects */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              database: string;
              /** @enum {string} */
              relay: 'connected' | 'reconnecting' | 'none';
              /** @enum {string} */
              status: 'ready' | 'degraded';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/schemas/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every event type with the URI of its payload schema */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                dataschema: string;
                owner: string;
                type: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/schemas/events/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An event type's payload as JSON Schema (draft 2020-12), e.g. /schemas/events/order.paid.json */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/unsubscribe/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The unsubscribe page of a marketing email */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /** One-click unsubscribe (RFC 8058) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/a': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Short alias of /v1/alias (analytics.js) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/alias': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Segment-compatible alias (write key by Basic auth or writeKey in the body) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/b': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Short alias of /v1/batch (analytics.js) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Segment-compatible batch (write key by Basic auth or writeKey in the body) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/g': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Short alias of /v1/group (analytics.js) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/group': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Segment-compatible group (write key by Basic auth or writeKey in the body) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/i': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Short alias of /v1/identify (analytics.js) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/identify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Segment-compatible identify (write key by Basic auth or writeKey in the body) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/p': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Short alias of /v1/page (analytics.js) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/page': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Segment-compatible page (write key by Basic auth or writeKey in the body) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/s': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Short alias of /v1/screen (analytics.js) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/screen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Segment-compatible screen (write key by Basic auth or writeKey in the body) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/t': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Short alias of /v1/track (analytics.js) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/track': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Segment-compatible track (write key by Basic auth or writeKey in the body) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/meta/{accountId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Meta webhook verification (hub.mode, hub.verify_token, hub.challenge) */
    get: {
      parameters: {
        query?: {
          'hub.challenge'?: string;
          'hub.mode'?: string;
          'hub.verify_token'?: string;
        };
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /**
     * Messenger, Instagram and WhatsApp Cloud API webhook deliveries (messages, statuses)
     * @description 401 when X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the app secret) is missing or wrong; nothing is stored. A message id (mid, wamid) delivered twice is one message.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/twilio/{accountId}/sms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A customer's SMS (Twilio's webhook format, form-encoded, X-Twilio-Signature) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/twilio/{accountId}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delivery status of an SMS reply or journey SMS (Twilio status callback: MessageSid, MessageStatus, ErrorCode) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          accountId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AudienceCondition:
      | {
          key: string;
          /** @enum {string} */
          op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'exists' | 'not_exists';
          /** @constant */
          type: 'trait';
          value?: string | number | boolean;
        }
      | {
          count: number;
          name: string;
          /**
           * @default gte
           * @enum {string}
           */
          op: 'gte' | 'lte' | 'eq';
          /** @constant */
          type: 'event';
          where?: {
            [key: string]: string | number | boolean;
          };
          withinDays: number;
        }
      | {
          in: string[];
          /** @constant */
          type: 'stage';
        }
      | {
          /** @default true */
          present: boolean;
          tag: string;
          /** @constant */
          type: 'tag';
        }
      | {
          /** @default * */
          channel: string;
          purpose: string;
          /** @constant */
          type: 'consent';
        };
    AudienceConditionInput:
      | {
          key: string;
          /** @enum {string} */
          op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'exists' | 'not_exists';
          /** @constant */
          type: 'trait';
          value?: string | number | boolean;
        }
      | {
          count: number;
          name: string;
          /**
           * @default gte
           * @enum {string}
           */
          op: 'gte' | 'lte' | 'eq';
          /** @constant */
          type: 'event';
          where?: {
            [key: string]: string | number | boolean;
          };
          withinDays: number;
        }
      | {
          in: string[];
          /** @constant */
          type: 'stage';
        }
      | {
          /** @default true */
          present: boolean;
          tag: string;
          /** @constant */
          type: 'tag';
        }
      | {
          /** @default * */
          channel: string;
          purpose: string;
          /** @constant */
          type: 'consent';
        };
    AudienceRule:
      | components['schemas']['AudienceCondition']
      | (
          | {
              all: components['schemas']['AudienceRuleLevel2'][];
            }
          | {
              any: components['schemas']['AudienceRuleLevel2'][];
            }
          | {
              not: components['schemas']['AudienceRuleLevel2'];
            }
        );
    AudienceRuleInput:
      | components['schemas']['AudienceConditionInput']
      | (
          | {
              all: components['schemas']['AudienceRuleLevel2Input'][];
            }
          | {
              any: components['schemas']['AudienceRuleLevel2Input'][];
            }
          | {
              not: components['schemas']['AudienceRuleLevel2Input'];
            }
        );
    AudienceRuleLevel1:
      | components['schemas']['AudienceCondition']
      | (
          | {
              all: components['schemas']['AudienceCondition'][];
            }
          | {
              any: components['schemas']['AudienceCondition'][];
            }
          | {
              not: components['schemas']['AudienceCondition'];
            }
        );
    AudienceRuleLevel1Input:
      | components['schemas']['AudienceConditionInput']
      | (
          | {
              all: components['schemas']['AudienceConditionInput'][];
            }
          | {
              any: components['schemas']['AudienceConditionInput'][];
            }
          | {
              not: components['schemas']['AudienceConditionInput'];
            }
        );
    AudienceRuleLevel2:
      | components['schemas']['AudienceCondition']
      | (
          | {
              all: components['schemas']['AudienceRuleLevel1'][];
            }
          | {
              any: components['schemas']['AudienceRuleLevel1'][];
            }
          | {
              not: components['schemas']['AudienceRuleLevel1'];
            }
        );
    AudienceRuleLevel2Input:
      | components['schemas']['AudienceConditionInput']
      | (
          | {
              all: components['schemas']['AudienceRuleLevel1Input'][];
            }
          | {
              any: components['schemas']['AudienceRuleLevel1Input'][];
            }
          | {
              not: components['schemas']['AudienceRuleLevel1Input'];
            }
        );
    IdentityConfig: {
      blockedEmailDomains: string[];
      blockedEmailLocalParts: string[];
      /** @description placeholder values that never identify anyone */
      blockedValues: string[];
      /** @description country assumed for phone numbers written without +country code */
      defaultPhoneCountry: string | null;
      /** @description types naming a device, not a person; one that carries a second person is marked shared */
      deviceTypes: string[];
      /** @description at most this many identifiers of a type per merged profile (user_id, email, phone and loyalty_card keep one) */
      maxPerType: {
        [key: string]: number;
      };
      /** @description where an event lands when profiles cannot merge, strongest first; "external" stands for any other type */
      priority: string[];
    };
    IdentityConfigInput: {
      blockedEmailDomains: string[];
      blockedEmailLocalParts: string[];
      /** @description placeholder values that never identify anyone */
      blockedValues: string[];
      /** @description country assumed for phone numbers written without +country code */
      defaultPhoneCountry: string | null;
      /** @description types naming a device, not a person; one that carries a second person is marked shared */
      deviceTypes: string[];
      /** @description at most this many identifiers of a type per merged profile (user_id, email, phone and loyalty_card keep one) */
      maxPerType: {
        [key: string]: number;
      };
      /** @description where an event lands when profiles cannot merge, strongest first; "external" stands for any other type */
      priority: string[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
