"""Generator of ordinary, harmless social-media posts for the abuse classifier's first stage.

What: ``generate(seed, n)`` composes varied everyday posts in British English from many small
building blocks (openers, body sentences grouped by topic, closers, hashtags, emoji, @mentions,
example.org links, times, UK places and numbers). Voices include therapists, CBT practitioners,
counsellors, psychologists, nurses, GPs, doctors and paramedics, plus the ordinary personal
chatter everybody posts: pets, weather, sport, baking, commuting, holidays and so on.

Why: the cheap logistic-regression stage of the abuse classifier must learn what plainly harmless
posts look like so it can clear them without calling the transformer. Until now it saw "harmless"
mostly through adversarial datasets, so everyday posts looked suspicious to it. The texts here
deliberately include things that must *not* be flagged: sensitive, clinical and supportive talk
about suicide, self-harm and eating disorders with signposting; identity-positive greetings;
civil professional disagreement; mild grumbles; and figurative language that only sounds violent
("this deadline is killing me", "smashed my 10k PB").

Provenance: every sentence and template in this module was written from scratch for training. It
was written independently of, and without reference to, any benchmark, test or evaluation set in
this repository, so it does not leak evaluation data into training.

Determinism: all randomness comes from a single ``random.Random(seed)``.
"""

from __future__ import annotations

import random
import re

# ---------------------------------------------------------------------------------------------
# Fill-in vocab for placeholders in body sentences.
# ---------------------------------------------------------------------------------------------

PLACES: tuple[str, ...] = (
    "Leeds",
    "Manchester",
    "Bristol",
    "Glasgow",
    "Edinburgh",
    "Cardiff",
    "Belfast",
    "Sheffield",
    "Nottingham",
    "Leicester",
    "Norwich",
    "Exeter",
    "Plymouth",
    "York",
    "Newcastle",
    "Sunderland",
    "Liverpool",
    "Birmingham",
    "Coventry",
    "Brighton",
    "Southampton",
    "Portsmouth",
    "Oxford",
    "Cambridge",
    "Aberdeen",
    "Dundee",
    "Swansea",
    "Bangor",
    "Derry",
    "Hull",
    "Lincoln",
    "Truro",
    "Inverness",
    "Stoke",
    "Wolverhampton",
    "Reading",
    "Bath",
    "Durham",
    "Lancaster",
    "Carlisle",
    "Ipswich",
    "Canterbury",
    "Milton Keynes",
    "Huddersfield",
    "Bradford",
    "Preston",
    "Wrexham",
    "Stirling",
    "Harrogate",
    "Whitby",
    "Margate",
    "Hackney",
    "Croydon",
    "Walthamstow",
    "Peckham",
)
DAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
TIMES: tuple[str, ...] = (
    "7am",
    "7:30am",
    "8am",
    "8:30",
    "9am",
    "9:15",
    "10am",
    "10.30",
    "11am",
    "midday",
    "12:30",
    "1pm",
    "2pm",
    "2.30pm",
    "3pm",
    "4pm",
    "4:45",
    "5pm",
    "5.30pm",
    "6pm",
    "7pm",
    "7.30pm",
    "8pm",
)
NAMES: tuple[str, ...] = (
    "Sarah",
    "Priya",
    "Tom",
    "Aisha",
    "Gareth",
    "Niamh",
    "Olu",
    "Fatima",
    "Jamie",
    "Rhys",
    "Mei",
    "Dev",
    "Chloe",
    "Callum",
    "Amira",
    "Siobhan",
    "Kwame",
    "Hannah",
    "Yusuf",
    "Ellie",
    "Raj",
    "Bethan",
    "Marcus",
    "Zainab",
    "Ewan",
    "Grace",
    "Tariq",
    "Lucy",
    "Femi",
    "Isla",
    "Ben",
    "Nadia",
)
FOODS: tuple[str, ...] = (
    "curry",
    "bacon butty",
    "Sunday roast",
    "fish and chips",
    "cheese toastie",
    "pasta bake",
    "pie",
    "bowl of soup",
    "stack of pancakes",
    "jacket potato",
    "Greggs sausage roll",
    "kebab",
)
TEAMS: tuple[str, ...] = (
    "Leeds",
    "Spurs",
    "Villa",
    "Wolves",
    "Celtic",
    "Hibs",
    "Wrexham",
    "Forest",
    "Sunderland",
    "Brighton",
    "Newcastle",
    "Everton",
    "Cardiff",
    "Bristol City",
    "Hearts",
    "Norwich",
)
PETS: tuple[str, ...] = (
    "the dog",
    "the cat",
    "our spaniel",
    "the puppy",
    "our lurcher",
    "the kitten",
    "our greyhound",
    "the rabbit",
    "my old cat",
    "the terrier",
)

# ---------------------------------------------------------------------------------------------
# Body sentences, grouped by topic. Placeholders: {place} {day} {month} {time} {name} {num}
# {small} {food} {team} {pet} {year}.
# ---------------------------------------------------------------------------------------------

BODIES: dict[str, tuple[str, ...]] = {
    "psychoed": (
        "Anxiety is your body's alarm system doing its job a bit too enthusiastically.",
        "Panic attacks feel awful but they are not dangerous, and they always pass.",
        "Avoidance brings short-term relief and long-term shrinkage of your world.",
        "Worry often disguises itself as problem-solving. Ask: is there an action I can take right now?",
        "In OCD, reassurance-seeking is a compulsion too, even when it looks like a reasonable question.",
        "Behavioural activation in one line: do small valued things before you feel like doing them.",
        "Motivation usually follows action, not the other way round.",
        "A thought record is not about forcing positive thinking, it's about finding a more balanced view.",
        "Sleep tip: if you've been lying awake for about 20 minutes, get up and do something calm in dim light.",
        "Keep your wake-up time the same every day, even at weekends. It anchors everything else.",
        "Exposure works best when it's planned, repeated and done without safety behaviours.",
        "Low mood shrinks our routine, and a shrunken routine keeps mood low. Small steps break the loop.",
        "Self-compassion isn't letting yourself off the hook; it's speaking to yourself like you would to a friend.",
        "Thoughts are not facts. They are mental events worth noticing, not obeying.",
        "Try scheduling a 15-minute worry time and postponing worries until then.",
        "Health anxiety tip: checking symptoms online tends to feed the worry rather than settle it.",
        "Rumination feels productive but rarely leads anywhere new. Notice it and shift attention outward.",
        "Grounding exercise: name five things you can see, four you can hear, three you can touch.",
        "Breathing slowly with a longer out-breath can help the body settle after a scare.",
        "Social anxiety often involves a lot of self-focused attention. Turning attention outward really helps.",
        "Perfectionism tip: aim for good enough on one task this week and notice what actually happens.",
        "Intrusive thoughts are incredibly common. Having one says nothing about who you are.",
        "Depression lies about how much things will help. Do the thing and collect the evidence.",
        "Safety behaviours stop us learning that the feared outcome is unlikely or manageable.",
        "Values are like a compass direction, goals are the places you stop along the way.",
        "Catastrophising tip: ask what's most likely to happen, not just what's worst.",
        "Generalised anxiety often responds well to tolerating uncertainty in small doses.",
        "Post-traumatic stress can improve a great deal with trauma-focused therapy. Recovery is possible.",
        "Naming an emotion out loud can take some of the heat out of it.",
        "Sleep restriction sounds odd but it's one of the most effective parts of CBT for insomnia.",
        "Caffeine after about 2pm can quietly wreck your sleep even if you fall asleep fine.",
        "When mood is low, pleasure and mastery activities both matter. Balance the two.",
        "Activity monitoring for a week can show patterns you'd never spot otherwise.",
        "Surveys suggest most people have unwanted, odd thoughts daily. You're in good company.",
        "Compassion-focused therapy talks about three systems: threat, drive and soothe.",
        "The cognitive model in a nutshell: it's not just the situation, it's how we interpret it.",
        "Behavioural experiments are where the real learning in CBT tends to happen.",
        "Panic tip: the urge to escape is strong, but staying lets your body learn the alarm is false.",
        "Gentle reminder that rest is part of recovery, not a reward for finishing everything.",
        "Checking, washing and counting can all be ways OCD tries to get certainty. Certainty isn't on offer.",
        "Postnatal anxiety is common and treatable. Please mention it to your midwife, health visitor or GP.",
        "Problem-solving steps: define the problem, brainstorm options, pick one, try it, review.",
        "Assertiveness isn't aggression. It's stating what you need clearly and kindly.",
        "Mindfulness isn't about emptying your mind; it's about noticing where it goes.",
        "Loneliness is a feeling, not a character flaw. Reaching out is a skill we can practise.",
    ),
    "cpd": (
        "Brilliant CPD day on CBT for insomnia in {place}. My head is full.",
        "Just finished a two-day workshop on compassion-focused therapy. Lots to take back to the team.",
        "Booked onto the {month} conference in {place}. Who else is going?",
        "Supervision today was exactly what I needed. Grateful for a thoughtful supervisor.",
        "Group supervision this morning: great discussion on working with shame.",
        "Presenting a poster on guided self-help outcomes at the conference on {day}. Come and say hello!",
        "Reading recommendation: Overcoming Low Self-Esteem by Melanie Fennell. Still a classic.",
        "Paper of the week: a nice trial of internet-delivered CBT for health anxiety.",
        "New paper out on exposure therapy dose and outcome. Worth a read if you work with OCD.",
        "Training day on working with interpreters in therapy. Really practical and useful.",
        "Finished my accreditation portfolio. {num} hours of supervised practice logged and checked.",
        "Excellent webinar on risk assessment this lunchtime. The slides are worth saving.",
        "Our journal club this month looked at behavioural activation delivered by non-specialists.",
        "Attended a session on trauma-informed care today. Lots to reflect on.",
        "Delighted to have passed my BABCP accreditation! Thank you to everyone who supported me.",
        "Workshop on imagery rescripting today. Powerful stuff and handled really sensitively.",
        "Anyone got a good reading list for trainees starting in {month}?",
        "Keynote this morning on digital therapies was thought-provoking. Some good questions from the floor.",
        "Looking forward to our regional CPD evening on {day} at {time}. Tea and biscuits provided.",
        "Spent the afternoon on mandatory training. Fire safety, information governance, the lot.",
        "Started a new module on supervision skills. Becoming the supervisor is a whole new learning curve.",
        "Shout out to the organisers of today's conference, it ran like clockwork.",
        "Our team is running a free lunchtime talk on perinatal mental health on {day}.",
        "Recording of last week's webinar on panic disorder is now available to members.",
        "Spent the train home writing up conference notes. Three ideas I want to try next week.",
        "Really valued the case discussion at peer supervision tonight.",
        "The new NICE guidance summary is a handy one-page read if you're short on time.",
        "First day of the postgraduate diploma. Nervous and excited in equal measure.",
        "Finished marking trainee case reports. Some genuinely lovely formulations in there.",
    ),
    "service": (
        "We're hiring! Band 7 CBT therapist, full or part time, based in {place}.",
        "Job alert: psychological wellbeing practitioner post in our {place} team. Closing date {day}.",
        "Clinic opening hours this week: Monday to Friday, 8am to 6pm, with a late clinic on {day}.",
        "Waiting list update: average wait for a first appointment is now {small} weeks, down from last month.",
        "You can refer yourself to our talking therapies service online or by phone.",
        "Our {place} clinic is closed on {day} for staff training. Normal hours resume the next day.",
        "New evening groups starting in {month} for people with low mood. Self-referral welcome.",
        "We've opened a new counselling room with step-free access in {place}.",
        "Reminder: the service will be closed over the bank holiday weekend.",
        "Our online stress management course starts on {day} at {time}. Free and open to anyone registered with a local GP.",
        "Vacancy: assistant psychologist, 12-month fixed term, starting {month}.",
        "We're recruiting peer support workers with lived experience. Applications close at the end of {month}.",
        "Our new waiting room has a quiet corner for anyone who finds busy spaces difficult.",
        "Appointments are available face to face, by video or by phone, whichever suits you.",
        "Drop-in sessions every {day} from {time} at the community centre in {place}.",
        "Big thanks to the admin team for getting the new booking system live this week.",
        "We've reduced our wait for step 2 support to under {small} weeks. Proud of the team.",
        "Please let us know if you need an interpreter for your appointment, it's free.",
        "Our service now offers appointments on Saturday mornings in {place}.",
        "Looking for a clinical supervisor for a small private practice in {place}. DMs open.",
        "Locum GP needed for Tuesday and Thursday sessions in {place}, any ideas welcome.",
        "Recruiting a mental health nurse for our crisis team, flexible shifts available.",
        "Parking at the {place} site is limited this week due to roadworks. Please allow extra time.",
        "The pharmacy counter will close at {time} on {day} for stocktaking.",
        "New leaflet on managing worry is now available in Urdu, Polish and Welsh.",
        "If you can no longer make your appointment, please let us know so we can offer it to someone else.",
    ),
    "reflect": (
        "Reflective practice moment: I noticed I was rushing a client today because I was behind on notes.",
        "Admin day. Letters, notes, outcome measures and more letters.",
        "My inbox has achieved sentience and is reproducing overnight.",
        "Three hours of clinical notes. Send coffee.",
        "The IT system logged me out mid-letter again. Deep breath.",
        "Honest question for colleagues: how do you protect time for supervision when caseloads are high?",
        "I'm not sure I agree with the new guidance; the evidence base looks a bit thin to me.",
        "Respectfully, I read that study differently. The follow-up period was quite short.",
        "Interesting thread. I'd add that context matters a lot in how we apply this.",
        "Good point, though I think the sample was too small to draw firm conclusions.",
        "I see where you're coming from, but in my experience group formats suit some people better.",
        "Fair challenge. I'll have a think and come back to you.",
        "Happy to be corrected on this, but I thought the recommendation changed last year.",
        "Self-care tonight is a long bath and an early night. No emails.",
        "Took a proper lunch break today, away from my desk. Small win.",
        "Sometimes the most useful thing I do in a session is listen carefully and slow down.",
        "Client gave me permission to share: they went back to the supermarket for the first time in a year.",
        "Ending therapy with a client today. Endings are bittersweet in the best way.",
        "Note to self: you don't have to answer every email the moment it lands.",
        "Question for CBT folk: favourite resource for explaining the vicious flower?",
        "Does anyone have a good template for relapse prevention blueprints they'd be happy to share?",
        "Workload is heavy at the moment but the team is looking after each other.",
        "Mild grumble: the printer on our floor has been broken for a fortnight.",
        "Switched off notifications after 6pm and honestly it's been great.",
        "Quick poll: do you write notes straight after sessions or batch them at the end of the day?",
        "I used to think I had to have all the answers in the room. Supervision cured me of that.",
        "Protected reading time is one of the best things our service introduced.",
        "Working from home today, which mostly means the cat is in my video calls.",
        "Reminder to fellow clinicians: you're allowed to have limits too.",
        "Finding the balance between outcome targets and meaningful work is an ongoing conversation.",
        "Really appreciated a colleague checking in on me after a tough session.",
        "Genuine question: how are other services handling the new reporting requirements?",
        "I think we can disagree on method and still agree on the goal.",
        "Training a new colleague this week and it's reminded me why I love this job.",
        "Spent the morning on outcome data. Numbers are going in the right direction.",
    ),
    "nursing": (
        "Night shift number three done. Bed, then breakfast, in that order.",
        "Massive shout out to the ward team tonight. Calm, kind and brilliant as ever.",
        "Hand hygiene reminder: bare below the elbows, every time.",
        "Patient safety tip: always double-check high-risk medicines with a colleague.",
        "Our flu vaccination clinic is running every {day} from {time} in {place}.",
        "Covid and flu boosters are available this {month}. Book through the NHS app.",
        "Welcome to our new student nurses starting placement this week!",
        "Proud of our student who passed her final placement with flying colours.",
        "12-hour shift done. Feet are aching but the team was amazing.",
        "The healthcare assistants on our ward don't get enough credit. Thank you all.",
        "Falls prevention week: check footwear, lighting and call bells within reach.",
        "Pressure area care matters. Regular repositioning makes a huge difference.",
        "Handover went smoothly this morning thanks to a really organised night team.",
        "Research nurse life: recruited our {num}th participant to the study today!",
        "Ward round done, discharges sorted, now for a cup of tea.",
        "Lovely card from a family today thanking the team. It's on the staff room wall.",
        "Mental health nurses: what's your top tip for a first shift on an inpatient unit?",
        "Medication round, obs, documentation, repeat. Nursing is a marathon.",
        "Sepsis reminder: think sepsis, escalate early, don't wait.",
        "Student nurses, remember to ask questions. Nobody expects you to know everything.",
        "Our community nursing team covered {num} visits this week across {place}.",
        "Got my first staff nurse post in {place}! Starting in {month}.",
        "Someone brought in homemade brownies for the night shift. Hero.",
        "Finished my nurse prescribing course. Very proud moment.",
        "International nurses joining our trust this month, a very warm welcome to you all.",
        "District nursing in the snow today. Four-wheel drive and a flask of tea.",
        "Learning disability nurses do amazing work. Happy to celebrate them today.",
        "Our ward has gone 100 days without a hospital-acquired pressure ulcer!",
        "Theatre team absolutely smashed today's list. Well done all.",
        "Midwives, thank you for everything you do. Brilliant team on labour ward last night.",
    ),
    "medical": (
        "GP surgery is offering extra appointments on {day} evenings this month.",
        "On call tonight. Pager is quiet so far, which I'm trying not to mention.",
        "Brilliant teaching session for our FY1s this afternoon on acute kidney injury.",
        "Reminder: you can use NHS 111 online if you're unsure where to go for urgent care.",
        "A&E is very busy today. Please consider a pharmacy or NHS 111 for minor problems.",
        "Paramedic life: {num} calls today, a lot of driving, and one very grateful grandad.",
        "Great to see the audit results on antibiotic prescribing improving.",
        "Our practice is taking part in a research study on blood pressure. Ask at reception.",
        "New NHS data shows waiting times for some procedures are coming down.",
        "Delighted our abstract was accepted for the {month} meeting in {place}.",
        "Medical students joining the practice next week. Looking forward to it.",
        "Finished my last exam of specialty training. Absolutely delighted.",
        "Reminder to check your skin for changes and see your GP if anything looks new or different.",
        "Had a lovely chat with a patient who's been running since their heart surgery last year.",
        "Ambulance crew shout out: calm and compassionate at a tricky call today.",
        "Reminder for junior doctors: it's always okay to ask your senior for help.",
        "Teaching ward round today. The students asked brilliant questions.",
        "Proud to join the trust as a consultant psychiatrist this month.",
        "Shared decision-making isn't a buzzword, it's just good medicine.",
        "Free health checks for adults aged 40 to 74. Ask your GP practice.",
        "Quality improvement project on discharge letters is finally written up.",
        "Clinic ran on time today. I'm as surprised as anyone.",
        "New guidance on hypertension is out. Summary thread later.",
        "Hospital at night team were superb last night. Thank you all.",
        "Repeat prescriptions can be ordered through the NHS App, which saves a phone call.",
        "GP trainees, our study day on {day} covers dermatology. Bring questions.",
        "Just completed my first solo shift as an advanced paramedic practitioner.",
        "Radiology colleagues, thank you for squeezing in that urgent scan today.",
        "Handwashing and staying home when unwell still protects people around you.",
        "Our pharmacy team has been incredible through a busy winter.",
    ),
    "mhsupport": (
        "If you're struggling tonight, Samaritans are there 24/7 on 116 123. You don't have to be suicidal to call.",
        "Text SHOUT to 85258 for free, confidential support at any time.",
        "If someone's life is at immediate risk, call 999. For urgent help that isn't an emergency, try NHS 111.",
        "Talking about suicide doesn't put the idea in someone's head. Asking directly can help.",
        "Asking 'are you having thoughts of suicide?' is safe and can open the door to support.",
        "Self-harm is often a way of coping with overwhelming feelings. People deserve compassion, not judgement.",
        "If you're supporting someone who self-harms, listen first and help them find professional support.",
        "Eating disorders affect people of all ages, genders and body sizes. Beat's helpline is there to help.",
        "Recovery from an eating disorder is possible, and it's rarely a straight line.",
        "World Suicide Prevention Day: check in on the people around you, and on yourself.",
        "It's Mental Health Awareness Week. Small conversations can make a big difference.",
        "Time to Talk Day: put the kettle on and ask someone how they really are.",
        "Stigma stops people seeking help. Let's keep talking openly about mental health.",
        "Our safety planning workshop covers warning signs, coping strategies and who to contact.",
        "Postvention support matters. If you've lost someone to suicide, support is available.",
        "Clinically, we assess risk collaboratively and focus on safety and hope.",
        "Staff training today on suicide prevention. Confident, compassionate conversations save lives.",
        "Men's mental health matters. Reaching out is a sign of strength.",
        "If you're worried about a friend, you don't need the perfect words. Just being there helps.",
        "Recovery isn't about never struggling again; it's about having more tools when things get hard.",
        "Two years since I started therapy. Grateful to still be here and doing better.",
        "Medication helped me, and there's no shame in that.",
        "Gentle reminder that crisis teams and A&E are there for mental health emergencies too.",
        "Language matters: we say 'died by suicide' rather than 'committed suicide'.",
        "Student Minds has some great resources for university students who are finding things hard.",
        "Your GP is a good first step if your mood has been low for more than a couple of weeks.",
        "Harm reduction conversations about self-harm are part of good clinical care.",
        "Eating Disorders Awareness Week: early help makes recovery more likely.",
        "Loneliness awareness: a quick message to an old friend can brighten two days.",
        "Sharing my recovery story at a community event in {place} on {day}. A bit nervous but glad to do it.",
        "Samaritans volunteers give up their evenings to listen. Thank you to every one of them.",
        "Bereavement support groups meet on {day} evenings in {place}. Everyone welcome.",
        "Papyrus HOPELINE247 supports young people with thoughts of suicide. Please share.",
        "Mental health first aid course completed. Feeling better equipped to support colleagues.",
        "If the news is getting on top of you, it's okay to step away for a while.",
    ),
    "identity": (
        "Happy Pride month to all our LGBTQ+ colleagues, patients and friends.",
        "Proud to march with our NHS trust at {place} Pride this weekend.",
        "Black History Month: celebrating the Black nurses, midwives and doctors who shaped the NHS.",
        "Ramadan Mubarak to everyone observing. Our clinic can offer appointments around iftar.",
        "Eid Mubarak to all who are celebrating!",
        "Happy Diwali to everyone celebrating the festival of lights.",
        "Chag Hanukkah sameach to all our Jewish colleagues and friends.",
        "Merry Christmas to everyone, and especially to those working today.",
        "Happy Lunar New Year! Wishing everyone health and good fortune.",
        "Happy Vaisakhi to everyone celebrating today.",
        "Our new building has hearing loops, step-free access and accessible toilets on every floor.",
        "Neurodiversity Celebration Week: we're reviewing our clinic spaces for sensory needs.",
        "Autistic patients can ask for a quieter waiting area or the first appointment of the day.",
        "Celebrating women in medicine today, and the mentors who opened doors for us.",
        "International Day of Persons with Disabilities: accessibility is everyone's job.",
        "Our older adults' service launched a memory café in {place}. Tea, cake and good company.",
        "The refugee health clinic in {place} runs every {day} with interpreters available.",
        "Professional interpreters make appointments safer. Please don't rely on family members if you can avoid it.",
        "Inclusive practice tip: ask people what name and pronouns they'd like you to use.",
        "Easy read appointment letters are now available on request.",
        "British Sign Language interpreters can be booked for any appointment at no cost to you.",
        "International Women's Day: thank you to the women leading our services.",
        "Windrush Day: remembering the generation who helped build the NHS.",
        "Our staff network for disabled colleagues is holding its first meeting on {day}.",
        "Trans Day of Visibility: our service is here for everyone.",
        "Happy St David's Day! Dydd Gŵyl Dewi Hapus.",
        "Happy St Patrick's Day to all our Irish colleagues.",
        "Pride lanyards are available from the staff hub if you'd like one.",
        "Dyslexia-friendly fonts are now used on all our patient leaflets.",
        "Celebrating our international staff today. The NHS runs on people from all over the world.",
        "Wishing everyone observing Yom Kippur an easy fast.",
        "Interfaith prayer room is now open on the ground floor, all welcome.",
        "ADHD assessment pathway update: more clinic capacity from {month}.",
        "Our menopause support group for staff meets monthly. Everyone's welcome.",
    ),
    "family": (
        "My daughter lost her first tooth today and is already negotiating with the tooth fairy.",
        "School run chaos. Found one shoe in the fridge.",
        "Sunday dinner at my mum's. She's still the best cook I know.",
        "Teaching my dad to use video calls. We're getting there, slowly.",
        "Son's first football match this morning. He scored, then celebrated for about ten minutes.",
        "Grandma turns 90 today! Party at hers this afternoon.",
        "Family walk along the beach in {place}. Windy but lovely.",
        "Homework help tonight was long division. I had to look it up.",
        "The kids built a den in the living room. I've been told I'm not allowed in.",
        "Twenty years married today. Still laughing at each other's terrible jokes.",
        "Nephew graduated today. So proud of him.",
        "Parents' evening went well. Apparently my son talks a lot in class. Can't think where he gets it from.",
        "Made pancakes with the little one. The kitchen will never recover.",
        "My brother is visiting from {place} this weekend. Can't wait.",
        "Bedtime stories tonight were read by a very sleepy me.",
        "Half-term plans: museums, parks and as many rainy-day films as we can manage.",
    ),
    "pets": (
        "{pet} has decided my laptop keyboard is the warmest seat in the house.",
        "Took {pet} to the vet. Good news: all healthy, just a bit tubby.",
        "Morning walk with {pet} in the frost. Beautiful out there.",
        "{pet} stole a whole sausage off the counter and is showing no remorse.",
        "Adopted a rescue cat today. She's hiding under the bed but we'll get there.",
        "{pet} got a new bed and is sleeping on the floor next to it instead.",
        "Puppy training class was mostly chaos and treats. Great fun.",
        "{pet} has learnt to open the back door. We are in trouble.",
        "Happy birthday to {pet}, who is now officially a senior citizen.",
        "{pet} barked at a leaf for ten minutes. Excellent security.",
        "Found {pet} asleep in the laundry basket again.",
    ),
    "weather": (
        "Four seasons in one day in {place}. Sunglasses and umbrella both in the bag.",
        "Absolutely tipping it down. Cycled in anyway. Regret.",
        "First frost of the year. De-icer at the ready.",
        "Gorgeous sunshine today. The whole of {place} is in the park.",
        "Snow! Well, a light dusting, but we'll take it.",
        "Fog so thick this morning I couldn't see the end of the street.",
        "Storm warning for {place} tonight. Bring the garden furniture in.",
        "Finally warm enough to eat lunch outside.",
        "The clocks go back this weekend, which means an extra hour in bed.",
        "Heatwave week. Fans on, curtains shut, lots of water.",
        "Drizzle. Just constant, gentle, determined drizzle.",
        "Rainbow over {place} on the drive home. Had to pull over for a photo.",
    ),
    "sport": (
        "Come on {team}! Nervy 1-0 but three points are three points.",
        "What a match. {team} fans will be talking about that one for a while.",
        "Six Nations weekend. Snacks sorted, sofa claimed.",
        "Test cricket on the radio while gardening. Perfect Saturday.",
        "Took the kids to their first {team} game. They loved every minute.",
        "The rugby was so tense I had to watch it from behind a cushion.",
        "Well played {team}, you deserved that one.",
        "Five-a-side tonight after work. My knees are already complaining.",
        "Wimbledon fortnight means strawberries and far too much tennis on telly.",
        "Netball league final on {day}. Our team is nervous but ready.",
        "Parkrun at {place} this morning. Lovely course and brilliant volunteers.",
        "Swam {small}0 lengths before work. Feeling smug.",
        "Walking football at the leisure centre is the best thing my dad has joined.",
        "Ashes on the radio, kettle on, nothing else planned.",
        "Darts final tonight. The crowd is always half the fun.",
        "Our hospital cricket team won its first match of the season!",
    ),
    "running": (
        "Smashed my 10k PB this morning! {num} seconds faster than last time.",
        "Half marathon training week {small}. Legs are tired but I'm enjoying it.",
        "Long run done along the canal in {place}. Heron count: three.",
        "Couch to 5k week six. Never thought I'd enjoy running.",
        "Signed up for the {place} half marathon in {month}. Somebody hold me to it.",
        "Ran in the rain and it was actually brilliant.",
        "Hill reps this morning. Feeling it already.",
        "Recovery run: slow, gentle and with plenty of stops to pat dogs.",
        "New trainers day is the best day.",
        "Cycled to work for the first time this week. {small} miles and no punctures.",
        "Yoga class at lunchtime. I can now almost touch my toes.",
        "Hiked up Pen y Fan at the weekend. The view made every step worth it.",
    ),
    "food": (
        "I could murder a {food} right now.",
        "Baked banana bread with the overripe bananas. Kitchen smells amazing.",
        "Sourdough attempt number {small}. It's getting better, honestly.",
        "Made a lasagne big enough to feed the street.",
        "Tried a new Sri Lankan place in {place}. The hoppers were incredible.",
        "Batch cooking on a Sunday makes the whole week easier.",
        "Bake sale at work raised £{num} for the children's ward!",
        "The office biscuit tin has been raided again. Prime suspect: me.",
        "Tea first, then emails. That's the rule.",
        "Third coffee of the day and it's not even ten.",
        "New coffee place opened near the clinic. Dangerous for my wallet.",
        "Scones: cream first or jam first? Asking for a friend.",
        "My Victoria sponge sank in the middle but it still tastes lovely.",
        "Soup weather. Leek and potato on the hob.",
        "Someone brought samosas into the staff room. Best day ever.",
        "Attempting a full English on a Tuesday. Living dangerously.",
        "Pancake Day! Lemon and sugar, obviously.",
        "Bonfire toffee made. Teeth may not survive.",
    ),
    "garden": (
        "Tomatoes finally ripening on the allotment.",
        "Spent the afternoon weeding. Back aches, garden looks lovely.",
        "First sweet peas of the summer on the kitchen table.",
        "Planted the spring bulbs. Fingers crossed the squirrels leave them alone.",
        "The slugs have eaten every single lettuce. Impressive, really.",
        "Courgette glut has begun. Recipes welcome.",
        "New bird feeder is up. Already had a robin and two blue tits.",
        "Lawn mown, hedges trimmed, tea earned.",
        "Allotment committee meeting tonight. Agenda item one: the shed.",
        "Apple tree is absolutely loaded this year.",
    ),
    "leisure": (
        "Just finished a brilliant novel. Book hangover is real.",
        "Book club picked a 600-page novel. I'm on page 12.",
        "Anyone watching the new detective series? No spoilers please.",
        "Bake Off night is sacred in our house.",
        "Saw a fantastic gig in {place} last night. Ears still ringing.",
        "Playlist for admin days: lots of 90s indie.",
        "Holiday booked! A week in Cornwall in {month}.",
        "Back from a few days in the Lakes. Rained the whole time, loved it anyway.",
        "Sitting on a ferry to Mull with a flask of tea. Bliss.",
        "Theatre trip tonight to see a new play in {place}.",
        "Charity shop find of the year: a whole box set for £3.",
        "Took up knitting. Current project: one slightly wonky scarf.",
        "Choir rehearsal tonight. Our alto section is unstoppable.",
        "Museum day with friends. The dinosaurs never get old.",
        "Weekend plans: absolutely nothing, and I can't wait.",
        "Finished the crossword without help for once.",
        "Podcast recommendation for the commute: a good history one about medieval Britain.",
        "Learning Welsh on an app. Day {num} of my streak.",
        "Pub quiz team came second. The music round let us down.",
        "Camping in the Peak District. Tent survived the night.",
        "Weekend in {place} for a friend's wedding. Dancing shoes packed.",
        "Cinema trip tonight. Popcorn cost more than the ticket.",
    ),
    "commute": (
        "Train to {place} is running {small}0 minutes late. Good thing I brought a book.",
        "Bus driver this morning wished everyone a lovely day. Made mine.",
        "Replacement bus service again. Settling in for the scenic route.",
        "Caught the {time} train with seconds to spare.",
        "Roadworks on the ring road again. Leaving ten minutes earlier tomorrow.",
        "Cycled in through {place} and only got mildly soaked.",
        "The quiet coach was not very quiet today, but we made it.",
        "Lovely sunrise over the river on my walk to work.",
        "Signal failure at {place}. Tea from the station café it is.",
        "Finally got a seat on the tram. Small victories.",
    ),
    "occasions": (
        "Happy birthday {name}! Hope you have a brilliant day.",
        "It's my birthday and the team surprised me with cake. Feeling very spoilt.",
        "Running the {place} 10k for Mind in {month}. Donations very welcome.",
        "Our team raised £{num} for the local hospice with a sponsored walk!",
        "Doing a sponsored silence for Macmillan. My colleagues are thrilled.",
        "Coffee morning for Macmillan at the practice on {day} from {time}.",
        "Retirement party for {name} tonight after 35 years in the NHS. What a career.",
        "Farewell lunch for {name}, who's moving to {place}. We'll miss you.",
        "Congratulations to {name} on the new baby!",
        "Wedding anniversary dinner booked. Somewhere with tablecloths, fancy.",
        "Christmas jumper day raised £{num} for Save the Children.",
        "Movember moustache is coming along. Slowly. Please donate.",
        "Welcome back {name} after your maternity leave, we've missed you!",
        "Leaving do tonight for our wonderful ward manager.",
        "Congratulations to {name} on passing their driving test!",
    ),
    "figurative": (
        "This deadline is killing me.",
        "Break a leg to everyone presenting at the conference tomorrow!",
        "Absolutely smashed that presentation, if I say so myself.",
        "My to-do list is murdering me slowly.",
        "Our quiz team got slaughtered in the picture round.",
        "I'm dying to see the new Wallace and Gromit.",
        "That stand-up set absolutely killed. I was crying with laughter.",
        "Nailed the parallel parking. Finally.",
        "Those stairs at the station will be the death of me.",
        "We crushed our fundraising target this year!",
        "The new band's album is an absolute banger.",
        "I'm going to attack this pile of laundry with enthusiasm. Eventually.",
        "This cold has knocked me for six.",
        "Fire drill at {time}. Everyone out, nobody panicked.",
        "Blew the candles out in one go. Still got it.",
        "Spreadsheets are slowly destroying my will to live, but we persevere.",
        "Our team absolutely bossed the charity tug of war.",
        "The traffic was murder this morning.",
        "My sourdough starter has died again. RIP, Doughlene.",
        "Beat my brother at Scrabble. He's taken it very badly.",
        "Going to shoot off early to catch the match.",
        "The baby is teething and we are running on fumes.",
        "That cheese board was lethal. Ate far too much.",
        "Killed it at the work karaoke. Possibly literally, according to the neighbours.",
        "Dead on my feet after a long shift, but a happy sort of tired.",
        "My plants are thriving, which is a plot twist nobody saw coming.",
        "Exam revision has me absolutely crushed, but nearly there.",
        "Got absolutely destroyed at badminton by a 70-year-old. Respect.",
    ),
}

# Short standalone posts and one-liners.
SHORTS: tuple[str, ...] = (
    "Morning all!",
    "Happy Friday everyone",
    "Tea time.",
    "Long day. Good day.",
    "Home at last",
    "What a week",
    "Nearly the weekend",
    "Lovely sunset tonight",
    "Back to work tomorrow",
    "Sunday vibes",
    "Coffee first.",
    "Off for a walk",
    "Cracking day out",
    "Nap time",
    "Night all",
    "Grateful today",
    "First day back",
    "So proud of the team",
    "Rainy Monday",
    "Can't believe it's {month} already",
    "Good morning from {place}",
    "Made it to {day}!",
    "Bank holiday mode",
    "Kettle's on",
    "Signing off for the day",
    "Early start tomorrow",
    "Pizza night",
    "Quiet one tonight",
    "Happy new year all",
    "Lunch in the sun",
    "Busy clinic, happy clinic",
    "Last shift before leave!",
    "New notebook day",
    "Back from hols",
    "Another CPD certificate for the folder",
)

REPLIES: tuple[str, ...] = (
    "thanks so much!",
    "congratulations, brilliant news!",
    "great thread, thank you for sharing.",
    "this is really helpful.",
    "love this.",
    "totally agree.",
    "well done, thoroughly deserved!",
    "thanks for the recommendation, adding it to my list.",
    "couldn't agree more.",
    "this made my day.",
    "happy birthday! Have a lovely one.",
    "good luck tomorrow!",
    "see you there!",
    "brilliant, thanks for flagging.",
    "lovely to meet you at the conference.",
    "thank you, that's really kind.",
    "ha, same here!",
    "sending good wishes.",
    "do you have a link to the slides?",
    "would you mind sharing the reference?",
    "is this open to students as well?",
    "what time does it start?",
    "how did you find it?",
    "thanks, I'll pass this on to the team.",
    "really interesting point.",
    "hope you feel better soon.",
    "enjoy your holiday!",
    "that looks delicious.",
    "gorgeous photo.",
    "welcome to the team!",
    "fair point, I hadn't thought of it that way.",
    "interesting, though I'd gently push back on the sample size.",
    "I see it slightly differently but appreciate the thread.",
    "me too! See you at coffee.",
    "what a lovely thing to share.",
    "absolutely, count me in.",
    "sorry I missed it, will catch the recording.",
    "yes! We use this in our service too.",
    "this is gold, saving it.",
    "thank you for all you do.",
    "can confirm, the cake was excellent.",
    "happy to help, just DM me.",
    "congrats on the new role!",
)

OPENERS: tuple[str, ...] = (
    "",
    "",
    "",
    "",
    "",
    "",
    "Quick one:",
    "Reminder:",
    "PSA:",
    "Today's tip:",
    "Friendly reminder:",
    "Honestly,",
    "Update:",
    "Little reflection:",
    "Well,",
    "So,",
    "Okay,",
    "Good news!",
    "FYI:",
    "Thought for the day:",
    "Top tip:",
    "Small win:",
    "News:",
    "Just saying,",
    "Can confirm:",
    "Monday thought:",
    "Friday feeling:",
    "Note to self:",
    "Quick question:",
    "Heads up:",
)

CLOSERS: tuple[str, ...] = (
    "",
    "",
    "",
    "",
    "",
    "",
    "Have a lovely day all.",
    "Be kind to yourselves.",
    "Take care.",
    "Thanks all!",
    "More soon.",
    "Onwards.",
    "Have a good weekend, everyone.",
    "Stay warm.",
    "Thoughts welcome.",
    "Any tips appreciated.",
    "Who's with me?",
    "Happy to share resources.",
    "Please share.",
    "Link below.",
    "Details in the thread.",
    "Let me know what you think.",
    "Right, back to it.",
    "Grateful.",
    "Not complaining, just observing.",
    "Feel free to DM.",
)

HASHTAGS: dict[str, tuple[str, ...]] = {
    "psychoed": (
        "#CBT",
        "#anxiety",
        "#MentalHealth",
        "#OCD",
        "#sleep",
        "#psychology",
        "#therapy",
        "#wellbeing",
    ),
    "cpd": ("#CPD", "#supervision", "#BABCP", "#conference", "#CBT", "#psychology", "#training"),
    "service": ("#NHSjobs", "#TalkingTherapies", "#hiring", "#NHS", "#MentalHealth", "#jobs"),
    "reflect": ("#ReflectivePractice", "#selfcare", "#therapistlife", "#admin", "#NHS", "#CBT"),
    "nursing": (
        "#nursing",
        "#NHS",
        "#StudentNurse",
        "#TeamWork",
        "#PatientSafety",
        "#nightshift",
        "#NursesDay",
    ),
    "medical": ("#GP", "#MedTwitter", "#NHS", "#paramedic", "#FOAMed", "#JuniorDoctors", "#research"),
    "mhsupport": (
        "#SuicidePrevention",
        "#MentalHealthAwareness",
        "#EndTheStigma",
        "#TimeToTalk",
        "#recovery",
        "#ItsOkayNotToBeOkay",
    ),
    "identity": (
        "#Pride",
        "#BlackHistoryMonth",
        "#EidMubarak",
        "#Diwali",
        "#inclusion",
        "#accessibility",
        "#neurodiversity",
        "#IWD",
    ),
    "family": ("#family", "#parenting", "#Sunday"),
    "pets": ("#dogsoftwitter", "#catsoftwitter", "#pets", "#rescuedog"),
    "weather": ("#UKweather", "#rain", "#sunshine"),
    "sport": ("#football", "#rugby", "#cricket", "#parkrun", "#COYS", "#SixNations"),
    "running": ("#running", "#parkrun", "#Couchto5k", "#marathon", "#cycling"),
    "food": ("#baking", "#foodie", "#coffee", "#GBBO", "#lunch"),
    "garden": ("#gardening", "#allotment", "#GardenersWorld"),
    "leisure": ("#books", "#amreading", "#holiday", "#music", "#weekend"),
    "commute": ("#commute", "#trains", "#cycling"),
    "occasions": ("#fundraising", "#charity", "#birthday", "#retirement", "#congratulations"),
    "figurative": ("#MondayMood", "#FridayFeeling", "#worklife"),
}

EMOJI: tuple[str, ...] = (
    "🙂",
    "😊",
    "😂",
    "🙌",
    "👏",
    "💙",
    "❤️",
    "🌈",
    "☕",
    "🍰",
    "🐶",
    "🐱",
    "🌧️",
    "☀️",
    "🏃",
    "⚽",
    "🏉",
    "🏏",
    "📚",
    "🎉",
    "🎂",
    "🌱",
    "🌷",
    "✨",
    "💪",
    "🤞",
    "😅",
    "🙏",
    "👍",
    "🚆",
    "🧠",
    "🩺",
    "💚",
)

LINK_PATHS: tuple[str, ...] = (
    "blog/sleep-tips",
    "news/clinic-hours",
    "jobs/band-7-cbt",
    "events/cpd-evening",
    "resources/worry-time",
    "papers/exposure-dose",
    "self-referral",
    "support/crisis-lines",
    "fundraising/10k",
    "blog/recovery-story",
    "events/pride",
    "news/waiting-times",
    "resources/thought-record",
    "podcast/episode-{num}",
    "posts/{num}",
    "guidance/summary",
    "leaflets/easy-read",
    "training/suicide-prevention",
    "photos/allotment",
    "recipes/banana-bread",
)

LINK_COMMENTS: tuple[str, ...] = (
    "Worth a read:",
    "Really useful resource:",
    "New on the blog:",
    "Sharing this:",
    "Great summary here",
    "Our latest update",
    "Details and booking:",
    "In case it's useful",
    "Lovely piece",
    "Read more:",
    "Full details here:",
    "Interesting paper",
    "Slides from today:",
    "Apply here:",
    "Sign up here",
)

HANDLE_A: tuple[str, ...] = (
    "dr",
    "nurse",
    "the",
    "cbt",
    "psych",
    "gp",
    "para",
    "mh",
    "team",
    "clinic",
    "ward",
    "its",
    "just",
    "",
    "",
    "",
)
HANDLE_B: tuple[str, ...] = (
    "sarah",
    "priya",
    "tom",
    "aisha",
    "gareth",
    "niamh",
    "olu",
    "jamie",
    "rhys",
    "mei",
    "chloe",
    "kwame",
    "hannah",
    "yusuf",
    "ellie",
    "ben",
    "nadia",
    "grace",
    "lucy",
    "femi",
    "isla",
    "marcus",
    "raj",
    "therapist",
    "counsellor",
    "practice",
    "wellbeing",
    "nhstrust",
    "talkingtherapies",
    "runner",
)
HANDLE_C: tuple[str, ...] = (
    "",
    "",
    "",
    "_k",
    "_cbt",
    "rn",
    "md",
    "_uk",
    "22",
    "88",
    "_psych",
    "jones",
    "smith",
    "_nhs",
    "bakes",
    "runs",
    "x",
    "_h",
    "_leeds",
    "_bristol",
)

THREAD_TOPICS: tuple[str, ...] = ("psychoed", "cpd", "reflect", "mhsupport", "nursing", "medical", "identity")

TOPIC_WEIGHTS: dict[str, int] = {
    "psychoed": 10,
    "cpd": 7,
    "service": 6,
    "reflect": 8,
    "nursing": 7,
    "medical": 7,
    "mhsupport": 9,
    "identity": 7,
    "family": 3,
    "pets": 3,
    "weather": 3,
    "sport": 3,
    "running": 3,
    "food": 4,
    "garden": 2,
    "leisure": 4,
    "commute": 2,
    "occasions": 3,
    "figurative": 5,
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def body_count() -> int:
    """Number of distinct body sentences (templates) across all topics."""
    return len({s for bodies in BODIES.values() for s in bodies})


def _fill(text: str, rng: random.Random) -> str:
    def repl(m: re.Match[str]) -> str:
        key = m.group(1)
        if key == "place":
            return rng.choice(PLACES)
        if key == "day":
            return rng.choice(DAYS)
        if key == "month":
            return rng.choice(MONTHS)
        if key == "time":
            return rng.choice(TIMES)
        if key == "name":
            return rng.choice(NAMES)
        if key == "num":
            return str(rng.randint(12, 950))
        if key == "small":
            return str(rng.randint(2, 9))
        if key == "food":
            return rng.choice(FOODS)
        if key == "team":
            return rng.choice(TEAMS)
        if key == "pet":
            return rng.choice(PETS)
        if key == "year":
            return str(rng.randint(2019, 2025))
        return m.group(0)

    return _PLACEHOLDER.sub(repl, text)


def _cap_first(text: str) -> str:
    if text and text[0].islower() and text[0] != "{":
        return text[0].upper() + text[1:]
    return text


def _handle(rng: random.Random) -> str:
    return "@" + rng.choice(HANDLE_A) + rng.choice(HANDLE_B) + rng.choice(HANDLE_C)


def _link(rng: random.Random) -> str:
    return "https://example.org/" + _fill(rng.choice(LINK_PATHS), rng)


def _pick_topic(rng: random.Random) -> str:
    topics = list(TOPIC_WEIGHTS)
    return rng.choices(topics, weights=[TOPIC_WEIGHTS[t] for t in topics], k=1)[0]


def _sentence(topic: str, rng: random.Random) -> str:
    return _cap_first(_fill(rng.choice(BODIES[topic]), rng))


_KEEP_CAPS: frozenset[str] = frozenset(
    (
        *PLACES,
        *NAMES,
        *TEAMS,
        *DAYS,
        *MONTHS,
        "I",
        "I'm",
        "I've",
        "I'd",
        "I'll",
        "Samaritans",
        "Ashes",
        "Wimbledon",
        "Movember",
        "Christmas",
        "Time",
        "Bake",
        "Macmillan",
        "Pride",
        "Welsh",
    )
)


def _soften(text: str) -> str:
    """Lower-case the first letter after a comma opener unless it starts a proper noun or acronym."""
    words = text.split(" ", 2)
    first = words[0].rstrip(":,.!?")
    if not first or first in _KEEP_CAPS or first.isupper() or not first[0].isupper():
        return text
    if len(first) > 1 and not first[1:].islower() and "'" not in first:
        return text
    if len(words) > 1 and words[0] == first and words[1][:1].isupper():
        return text
    return text[0].lower() + text[1:]


def _decorate(text: str, topic: str, rng: random.Random, limit: int) -> str:
    extras: list[str] = []
    if rng.random() < 0.45:
        extras.extend(rng.sample(HASHTAGS[topic], k=rng.randint(1, min(3, len(HASHTAGS[topic])))))
    if rng.random() < 0.35:
        extras.append("".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 2))))
    if rng.random() < 0.12:
        extras.append(_link(rng))
    rng.shuffle(extras)
    for extra in extras:
        if len(text) + 1 + len(extra) <= limit:
            text = f"{text} {extra}"
    return text


def _casual(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.07:
        return text.lower()
    if r < 0.14 and text.endswith("."):
        return text[:-1]
    if r < 0.17 and text.endswith("."):
        return text[:-1] + "!"
    return text


def _single(rng: random.Random) -> str:
    topic = _pick_topic(rng)
    limit = rng.choice((80, 140, 200, 280, 280))
    parts: list[str] = []
    opener = rng.choice(OPENERS)
    if opener:
        parts.append(opener)
    n_bodies = rng.choices((1, 2, 3), weights=(5, 4, 2), k=1)[0]
    used: set[str] = set()
    for _ in range(n_bodies):
        s = _sentence(topic, rng)
        if s in used:
            continue
        candidate = " ".join([*parts, s])
        if parts and len(candidate) > limit and len(used) > 0:
            break
        used.add(s)
        parts.append(s)
    closer = rng.choice(CLOSERS)
    if closer and len(" ".join([*parts, closer])) <= 280:
        parts.append(closer)
    text = " ".join(parts)
    if opener.endswith(",") and len(parts) > 1:
        text = f"{opener} {_soften(text[len(opener) + 1 :])}"
    if rng.random() < 0.1:
        text = f"{_handle(rng)} {text}"
    return _decorate(_casual(text, rng), topic, rng, 280)


def _reply(rng: random.Random) -> str:
    handles = " ".join(_handle(rng) for _ in range(rng.choices((1, 2), weights=(4, 1), k=1)[0]))
    text = f"{handles} {_cap_first(rng.choice(REPLIES))}"
    if rng.random() < 0.3:
        topic = _pick_topic(rng)
        text = f"{text} {_sentence(topic, rng)}"
    if rng.random() < 0.3:
        text = f"{text} {rng.choice(EMOJI)}"
    return _casual(text, rng)


def _retweet(rng: random.Random) -> str:
    inner = _single(rng)
    text = f"RT {_handle(rng)}: {inner}"
    return text if len(text) <= 300 else text[:277].rsplit(" ", 1)[0] + "…"


def _link_share(rng: random.Random) -> str:
    topic = _pick_topic(rng)
    comment = rng.choice(LINK_COMMENTS)
    if rng.random() < 0.5:
        comment = f"{comment} {_sentence(topic, rng)}"
    text = f"{comment} {_link(rng)}"
    if rng.random() < 0.4:
        text = f"{text} {rng.choice(HASHTAGS[topic])}"
    return text


def _short(rng: random.Random) -> str:
    text = _fill(rng.choice(SHORTS), rng)
    if rng.random() < 0.5:
        text = f"{text} {rng.choice(EMOJI)}"
    if rng.random() < 0.2:
        text = f"{text} {rng.choice(HASHTAGS[_pick_topic(rng)])}"
    return _casual(text, rng)


def _poll(rng: random.Random) -> str:
    topic = rng.choice(("reflect", "food", "running", "pets", "cpd", "nursing"))
    stems = (
        "Poll: tea or coffee before a clinic?",
        "Quick poll for colleagues: paper notes or straight into the system?",
        "Poll: best biscuit for a team meeting?",
        "Poll: how many of you take a full lunch break?",
        "Quick poll: in-person or online conferences?",
        "Poll: early shift or late shift?",
        "Poll for therapists: how many sessions do you see a day?",
        "Poll: cream first or jam first?",
        "Poll for runners: morning or evening runs?",
        "Poll: favourite season for walking the dog?",
    )
    text = rng.choice(stems)
    if rng.random() < 0.5:
        text = f"{text} Replies welcome, be honest!"
    return _decorate(text, topic, rng, 280)


def _thread(rng: random.Random) -> str:
    topic = rng.choice(THREAD_TOPICS)
    intro = rng.choice(
        (
            "A short thread on {what}.",
            "Some thoughts on {what}, a thread.",
            "Thread: what I've learnt about {what}.",
            "Few tips on {what} for anyone who finds it useful.",
            "Mini thread on {what}, based on questions I get a lot.",
        )
    )
    what = {
        "psychoed": ("anxiety", "sleep", "low mood", "worry", "panic", "OCD", "avoidance"),
        "cpd": ("this week's conference", "supervision", "my CPD year", "training as a therapist"),
        "reflect": ("reflective practice", "looking after ourselves as clinicians", "admin and balance"),
        "mhsupport": ("supporting someone in crisis", "talking about suicide safely", "recovery"),
        "nursing": ("life as a newly qualified nurse", "night shifts", "student placements"),
        "medical": ("life in general practice", "foundation year", "paramedic shifts"),
        "identity": ("inclusive practice", "accessible services", "celebrating our diverse workforce"),
    }[topic]
    parts = [intro.format(what=rng.choice(what))]
    body = list(BODIES[topic])
    rng.shuffle(body)
    target = rng.randint(300, 600)
    numbered = rng.random() < 0.6
    for i, s in enumerate(body):
        filled = _cap_first(_fill(s, rng))
        piece = f"{i + 2}/ {filled}" if numbered else filled
        if len(" ".join([*parts, piece])) > target:
            break
        parts.append(piece)
    if numbered:
        parts[0] = f"1/ {parts[0]}"
    text = " ".join(parts)
    if len(text) + 12 < 600 and rng.random() < 0.5:
        text = f"{text} {rng.choice(HASHTAGS[topic])}"
    return text


_KINDS = (_single, _reply, _retweet, _link_share, _short, _poll, _thread)
_KIND_WEIGHTS = (52, 14, 7, 9, 8, 3, 7)


def generate(seed: int = 29, n: int = 8000) -> list[str]:
    """Return up to ``n`` distinct harmless everyday posts, deterministic for ``seed``.

    If the templates cannot produce ``n`` distinct texts within a generous attempt budget, as many
    as could be produced are returned (the ``__main__`` block reports the shortfall).
    """
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    attempts = 0
    max_attempts = n * 20 + 1000
    while len(out) < n and attempts < max_attempts:
        attempts += 1
        kind = rng.choices(_KINDS, weights=_KIND_WEIGHTS, k=1)[0]
        text = " ".join(kind(rng).split())
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return out


if __name__ == "__main__":
    import time

    start = time.perf_counter()
    requested = 8000
    posts = generate(n=requested)
    elapsed = time.perf_counter() - start
    print(f"generated {len(posts)} distinct posts (requested {requested}) in {elapsed:.2f}s")
    if len(posts) < requested:
        print(f"NOTE: templates could only reach {len(posts)} distinct posts")
    print(f"distinct body sentences: {body_count()}")
    lengths = sorted(len(p) for p in posts)
    print(f"length min/median/max: {lengths[0]}/{lengths[len(lengths) // 2]}/{lengths[-1]}")
    for post in random.Random(0).sample(posts, 30):
        print("-", post)
