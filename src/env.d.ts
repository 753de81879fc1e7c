/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    largeText: boolean;
    /** Set by staffGuard for requests under /staff when someone is signed in. */
    staff?: import('./server/staff/staffAuth.ts').StaffUser | undefined;
  }
}
