-- Teams managers channel was stored with the conversation id of the message that chose it
-- (the channel id followed by a messageid suffix), so every later seat card was posted as a
-- reply in that old thread. Keep the channel itself, so that cards become new posts.
-- chr(59) is the semicolon: the migration engine splits scripts on every semicolon it sees.
UPDATE "chat_workspace"
   SET "managers_channel_id" = split_part("managers_channel_id", chr(59), 1),
       "managers_channel_ref" = CASE
         WHEN "managers_channel_ref" -> 'conversation' ->> 'id' LIKE '%' || chr(59) || 'messageid=%'
         THEN jsonb_set("managers_channel_ref", '{conversation,id}',
                        to_jsonb(split_part("managers_channel_ref" -> 'conversation' ->> 'id', chr(59), 1)))
         ELSE "managers_channel_ref"
       END
 WHERE "platform" = 'teams'
   AND ("managers_channel_id" LIKE '%' || chr(59) || 'messageid=%'
        OR "managers_channel_ref" -> 'conversation' ->> 'id' LIKE '%' || chr(59) || 'messageid=%')
