-- CreateTable
CREATE TABLE "outcome_dm_window" (
    "organization_id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "destination" TEXT NOT NULL,
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outcome_dm_window_pkey" PRIMARY KEY ("organization_id","recipient_id","destination")
);
